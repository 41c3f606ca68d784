// The one release decision for a (measure, school) series: which cells every surface shows, hides or
// shows as a range, for every role (ADR 016). Deterministic: the same input gives the same decision,
// ties broken by the fixed group order (sortOrder, then id).
//
// Additions to the published shape (all optional or extra, no name changed):
//   - ReleaseGroup.withinGroupIds: an intersection's parent groups (the audit then knows part ≤ whole);
//   - ReleaseRule.numeratorKind: 'share' (0 ≤ numerator ≤ n, p-chart percentages; the default),
//     'count' (numerator ≥ 0, e.g. referrals per 100 students) or 'signed' (any sign, e.g. sums of
//     score distances); only shares are top/bottom coded;
//   - ReleaseRule.protectionWidth (default 3) and ReleaseRule.sizesPublic (default false): the audit's
//     rule (ADR 016 §3);
//   - SeriesRelease.periods / SeriesRelease.table(period): every decision of a period, for exports;
//   - a second argument, ReleaseOptions, switches the audit or coding off — for measurements only.
import {
  buildTableModel,
  complementedGroupId,
  orderGroups,
  type ReleaseCell,
  type ReleaseGroup,
} from './release-model.ts'
import { type CellRelease, decideTable, type NumeratorKind, type TableRuleContext } from './release-table.ts'
import { codedNumeratorRange } from './top-bottom-coding.ts'

export type {
  ReleaseCell,
  ReleaseGroup,
  ReleaseGroupCategory,
} from './release-model.ts'
export { otherThanCellId } from './release-model.ts'
export type { CellRelease, HiddenReason, NumeratorKind } from './release-table.ts'

export interface ReleaseTableInput {
  /** YYYY-MM-DD */
  period: string
  cells: readonly ReleaseCell[]
}

export interface ReleaseRule {
  /** Smallest n that may be shown (the district's suppression threshold). */
  threshold: number
  /** to_date: the measure is cumulative within the school year. */
  accumulation: 'period' | 'to_date'
  /** MM-DD: the first day of the district's school year. */
  schoolYearStart: string
  /** Default 'share'. */
  numeratorKind?: NumeratorKind
  /** Students a small cell's feasible interval must span, capped at its n (default DEFAULT_PROTECTION_WIDTH). */
  protectionWidth?: number
  /**
   * Group sizes are public (the district publishes enrollment by group): a small cell's n is then not
   * protected by the audit; its outcomes always are, as if every n were known. Default false.
   */
  sizesPublic?: boolean
}

/** The protection rule's width (ADR 016 §2). */
export const DEFAULT_PROTECTION_WIDTH = 3

/** For measurements only (benchmarks, the attack suite's comparisons): switch parts of the rule off. */
export interface ReleaseOptions {
  audit?: boolean
  coding?: boolean
}

export interface SeriesRelease {
  /**
   * The decision for a group's cell (or a derived "all other than G" cell, id otherThanCellId(G)). A cell
   * that was not in the input (no observation, or n = null) is `shown`: there is nothing to hide.
   */
  cell(period: string, cellId: string): CellRelease
  /** The periods decided, in order. */
  readonly periods: readonly string[]
  /** Every cell's decision in one period (group ids and derived cell ids); empty for an unknown period. */
  table(period: string): ReadonlyMap<string, CellRelease>
}

const SHOWN: CellRelease = { kind: 'shown' }
const PERIOD = /^\d{4}-\d{2}-\d{2}$/
const MONTH_DAY = /^\d{2}-\d{2}$/

/** The school year a period belongs to, named by the year it starts in. */
export function schoolYearOf(period: string, schoolYearStart: string): number {
  const year = Number(period.slice(0, 4))
  return period.slice(5) >= schoolYearStart ? year : year - 1
}

/**
 * School years in which the all-students numerator never falls from one period to the next: there a
 * to-date series is a running count (unduplicated students suspended so far) and anyone may bound a hidden
 * cell by its neighbours. In a year where it falls, the measure is a to-date status (chronically absent so
 * far) that students enter and leave, "cannot fall" is false, and the year is decided period by period.
 */
function yearsThatNeverFall(
  tables: readonly ReleaseTableInput[],
  ordered: readonly ReleaseGroup[],
  schoolYearStart: string,
): Set<number> {
  const allId = ordered.find((g) => g.category === 'all')?.id
  const years = new Set<number>()
  const fell = new Set<number>()
  const previous = new Map<number, number>()
  for (const table of tables) {
    const year = schoolYearOf(table.period, schoolYearStart)
    years.add(year)
    const numerator = table.cells.find((c) => c.groupId === allId)?.numerator ?? null
    if (allId === undefined) continue
    if (numerator === null) continue
    const before = previous.get(year)
    if (before !== undefined && numerator < before) fell.add(year)
    previous.set(year, numerator)
  }
  // without an all-students series nobody can see a fall: keep the cautious rule
  return new Set([...years].filter((year) => !fell.has(year)))
}

function validate(input: DecideSeriesReleaseInput): void {
  const { rule, groups, tables } = input
  const issues: string[] = []
  if (!(Number.isInteger(rule.threshold) && rule.threshold >= 1))
    issues.push(`threshold must be a positive whole number, got ${rule.threshold}`)
  if (
    rule.protectionWidth !== undefined &&
    !(Number.isInteger(rule.protectionWidth) && rule.protectionWidth >= 1)
  )
    issues.push(`protectionWidth must be a positive whole number, got ${rule.protectionWidth}`)
  if (!MONTH_DAY.test(rule.schoolYearStart))
    issues.push(`schoolYearStart must be MM-DD, got "${rule.schoolYearStart}"`)
  const ids = new Set<string>()
  for (const group of groups) {
    if (ids.has(group.id)) issues.push(`group "${group.id}" is listed twice`)
    ids.add(group.id)
  }
  if (groups.filter((g) => g.category === 'all').length > 1)
    issues.push('only one group may have category "all"')
  const periods = new Set<string>()
  for (const table of tables) {
    if (!PERIOD.test(table.period)) issues.push(`period must be YYYY-MM-DD, got "${table.period}"`)
    if (periods.has(table.period)) issues.push(`period ${table.period} is listed twice`)
    periods.add(table.period)
    const seen = new Set<string>()
    for (const cell of table.cells) {
      if (!ids.has(cell.groupId)) issues.push(`period ${table.period}: unknown group "${cell.groupId}"`)
      if (seen.has(cell.groupId)) issues.push(`period ${table.period}: group "${cell.groupId}" listed twice`)
      seen.add(cell.groupId)
      if (cell.n !== null && !(Number.isFinite(cell.n) && cell.n >= 0))
        issues.push(
          `period ${table.period}, group "${cell.groupId}": n must be a non-negative number or null`,
        )
      if (cell.numerator !== null && !Number.isFinite(cell.numerator))
        issues.push(`period ${table.period}, group "${cell.groupId}": numerator must be a number or null`)
    }
  }
  if (issues.length > 0) throw new Error(`decideSeriesRelease: ${issues.join('; ')}`)
}

export interface DecideSeriesReleaseInput {
  tables: readonly ReleaseTableInput[]
  groups: readonly ReleaseGroup[]
  rule: ReleaseRule
}

/**
 * One (measure, school) series over all its periods and groups: deterministic, ties broken by a fixed
 * group order (sortOrder, then id). Throws on malformed input (duplicate ids, bad dates) — a caller bug,
 * never a data condition. Cells with n = null are shown (nothing to judge them by).
 */
export function decideSeriesRelease(
  input: DecideSeriesReleaseInput,
  options: ReleaseOptions = {},
): SeriesRelease {
  validate(input)
  const { rule } = input
  const ordered = orderGroups(input.groups)
  const groupById = new Map(ordered.map((g) => [g.id, g]))
  const orderOf = new Map(ordered.map((g, i) => [g.id, i]))
  const context: TableRuleContext = {
    threshold: rule.threshold,
    numeratorKind: rule.numeratorKind ?? 'share',
    protection: { minimumWidth: rule.protectionWidth ?? DEFAULT_PROTECTION_WIDTH },
    audit: options.audit ?? true,
    sizesPublic: rule.sizesPublic ?? false,
    coding: options.coding ?? true,
  }
  const tables = [...input.tables].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const cumulativeYears =
    rule.accumulation === 'to_date' ? yearsThatNeverFall(tables, ordered, rule.schoolYearStart) : new Set()
  const decisions = new Map<string, Map<string, CellRelease>>()
  let year: number | null = null
  let hiddenThisYear = new Set<string>()
  // latest released counts this school year (to-date measures): floors for the audit
  let shownThisYear = new Map<string, { n: number; numerator: number | null }>()
  for (const table of tables) {
    const tableYear = schoolYearOf(table.period, rule.schoolYearStart)
    if (tableYear !== year) {
      year = tableYear
      hiddenThisYear = new Set()
      shownThisYear = new Map()
    }
    const model = buildTableModel(table.cells, groupById, orderOf)
    // "Cannot fall" bounds hidden cells only where it is true: a to-date status such as "absent 10 % of
    // days so far" falls when students leave it, which the released all-students series shows everyone.
    const toDate = cumulativeYears.has(tableYear)
    const decision = toDate
      ? decideTable(model, context, hiddenThisYear, shownThisYear)
      : decideTable(model, context, new Set())
    if (toDate) {
      for (const id of decision.hidden) hiddenThisYear.add(id)
      for (const cell of model.cells) {
        const release = decision.releases.get(cell.id)
        if (release?.kind === 'shown') shownThisYear.set(cell.id, { n: cell.n, numerator: cell.numerator })
        else if (release?.kind === 'coded' && cell.numerator !== null)
          shownThisYear.set(cell.id, {
            n: cell.n,
            numerator: codedNumeratorRange(cell.n, release, Number.isInteger(cell.numerator)).min,
          })
      }
    }
    decisions.set(table.period, decision.releases)
  }
  const all = ordered.find((g) => g.category === 'all')
  return {
    periods: tables.map((t) => t.period),
    table: (period) => decisions.get(period) ?? new Map(),
    cell(period, cellId) {
      const releases = decisions.get(period)
      if (!releases) return SHOWN
      const release = releases.get(cellId)
      if (release) return release
      // a derived cell that was not built (its group or all students has no n): hidden with either
      const groupId = complementedGroupId(cellId)
      if (groupId !== null) {
        for (const id of [groupId, all?.id]) {
          const other = id === undefined ? undefined : releases.get(id)
          if (other?.kind === 'suppressed') return { kind: 'suppressed', reason: 'complementary' }
        }
      }
      return SHOWN
    },
  }
}
