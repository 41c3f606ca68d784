// An attacker for the attack suite (ADR 016 §5), written apart from the release decision so that the
// suite does not grade the auditor with its own code. It sees a series exactly as released — shown
// cells' n and numerator, coded cells' n and band, hidden cells' reason ("n < 10" for primary) — knows
// how the groups relate (all students = Σ race groups = Σ gender groups = G + all other than G for every
// flag group) and, for to-date measures, that a count shown earlier in the year is a floor where the
// series does not fall. With linear programming it bounds, for every small cell, its n, its numerator
// and its students without the outcome. A cell is recovered exactly when its value (rate) is known:
// numerator and n both pinned, or 0 % / 100 % forced.
import { solve } from 'yalps'
import type { CellRelease, ReleaseGroup, ReleaseRule, ReleaseTableInput } from '../release.ts'
import { codedNumeratorRange } from '../top-bottom-coding.ts'

export interface AttackOptions {
  /** Whether the release says why a cell is hidden ("n < 10" only for small cells). The old release did not. */
  reasonsVisible: boolean
  /** The attacker knows every group's n (published enrollment, other measures with the same denominator). */
  knowsSizes?: boolean
  /** Students the intervals must span (capped at the cell's n): the protection rule checked. */
  protectionWidth: number
}

export interface AttackFinding {
  period: string
  cellId: string
  n: number
  numerator: number | null
  /** The attacker's intervals; null when the quantity is not audited (no numerator). */
  nInterval: [number, number]
  numeratorInterval: [number, number] | null
  withoutInterval: [number, number] | null
  /** The value (rate) is known exactly. */
  exact: boolean
  /** Some interval is narrower than min(n, protectionWidth). */
  violatesRule: boolean
}

export interface AttackReport {
  smallCells: number
  findings: AttackFinding[]
}

interface TrueCell {
  id: string
  n: number
  numerator: number | null
}

const flagCategories = new Set(['program', 'other', 'intersection'])

/** The cells of one period as the product derives them (groups plus "all other than G" for flags). */
function trueCells(table: ReleaseTableInput, groups: readonly ReleaseGroup[]): TrueCell[] {
  const categoryOf = new Map(groups.map((g) => [g.id, g.category]))
  const cells: TrueCell[] = table.cells
    .filter((c) => c.n !== null)
    .map((c) => ({ id: c.groupId, n: c.n as number, numerator: c.numerator }))
  const all = cells.find((c) => categoryOf.get(c.id) === 'all')
  if (!all) return cells
  for (const cell of [...cells]) {
    if (!flagCategories.has(categoryOf.get(cell.id) ?? '') || cell.n > all.n) continue
    cells.push({
      id: `other-than:${cell.id}`,
      n: all.n - cell.n,
      numerator: all.numerator !== null && cell.numerator !== null ? all.numerator - cell.numerator : null,
    })
  }
  return cells
}

/**
 * The equations between a period's cells that hold in the data, for n and for the numerator apiece:
 * [quantity, total, members].
 */
function equations(
  cells: readonly TrueCell[],
  groups: readonly ReleaseGroup[],
): ['n' | 'x', string, string[]][] {
  const categoryOf = new Map(groups.map((g) => [g.id, g.category]))
  const all = cells.find((c) => categoryOf.get(c.id) === 'all')
  if (!all) return []
  const out: ['n' | 'x', string, string[]][] = []
  for (const category of ['race_ethnicity', 'gender']) {
    const members = cells.filter((c) => categoryOf.get(c.id) === category)
    if (members.length === 0) continue
    const ids = members.map((c) => c.id)
    if (members.reduce((s, c) => s + c.n, 0) === all.n) out.push(['n', all.id, ids])
    if (all.numerator !== null && members.every((c) => c.numerator !== null)) {
      if (members.reduce((s, c) => s + (c.numerator as number), 0) === all.numerator)
        out.push(['x', all.id, ids])
    }
  }
  for (const cell of cells) {
    if (!cell.id.startsWith('other-than:')) continue
    out.push(['n', all.id, [cell.id.slice(11), cell.id]])
    if (cell.numerator !== null) out.push(['x', all.id, [cell.id.slice(11), cell.id]])
  }
  return out
}

/**
 * Attacks one (measure, school) series as released by `release`: findings for small cells recovered
 * exactly or bounded more narrowly than the rule, and for coded cells pinned to one value.
 */
export function attackSeries(
  input: { tables: readonly ReleaseTableInput[]; groups: readonly ReleaseGroup[]; rule: ReleaseRule },
  release: (period: string, cellId: string) => CellRelease,
  options: AttackOptions,
): AttackReport {
  const { rule, groups } = input
  const t = rule.threshold
  const share = (rule.numeratorKind ?? 'share') === 'share'
  const signed = rule.numeratorKind === 'signed'
  const findings: AttackFinding[] = []
  let smallCells = 0
  const tables = [...input.tables].sort((a, b) => (a.period < b.period ? -1 : 1))
  const yearOf = (period: string) =>
    Number(period.slice(0, 4)) - (period.slice(5) >= rule.schoolYearStart ? 0 : 1)
  const cellsOf = new Map(tables.map((table) => [table.period, trueCells(table, groups)]))
  const bounds =
    rule.accumulation === 'to_date'
      ? timeBounds(tables, cellsOf, yearOf, release, yearsSeenToFall(tables, groups, yearOf, release))
      : new Map()
  for (const table of tables) {
    const cells = cellsOf.get(table.period) as TrueCell[]
    const constraints = new Map<string, { equal?: number; min?: number; max?: number }>()
    const variables = new Map<string, Map<string, number>>()
    const variable = (name: string, bound: { min?: number; max?: number }) => {
      constraints.set(name, bound.min === undefined && bound.max === undefined ? { min: 0 } : bound)
      variables.set(name, new Map([[name, 1]]))
    }
    const byId = new Map(cells.map((c) => [c.id, c]))
    const integral = cells.every(
      (c) => Number.isInteger(c.n) && (c.numerator === null || Number.isInteger(c.numerator)),
    )
    const releaseOf = new Map(cells.map((c) => [c.id, release(table.period, c.id)]))
    for (const cell of cells) {
      const r = releaseOf.get(cell.id) as CellRelease
      if (r.kind === 'shown') continue
      const known = bounds.get(`${table.period}|${cell.id}`)
      if (r.kind === 'coded') {
        variable(`n|${cell.id}`, { min: cell.n, max: cell.n })
        if (cell.numerator !== null) {
          const range = codedNumeratorRange(cell.n, r, Number.isInteger(cell.numerator))
          variable(`x|${cell.id}`, { min: range.min, max: range.max })
        }
        continue
      }
      const nBound: { min: number; max?: number } = options.knowsSizes
        ? { min: cell.n, max: cell.n }
        : !options.reasonsVisible
          ? { min: known?.nMin ?? 0 }
          : r.reason === 'primary'
            ? { min: Math.max(1, known?.nMin ?? 0), max: t - 1 }
            : { min: Math.max(t, known?.nMin ?? 0) }
      if (known?.nMax !== undefined) nBound.max = Math.min(nBound.max ?? Number.POSITIVE_INFINITY, known.nMax)
      variable(`n|${cell.id}`, nBound)
      if (cell.numerator !== null && !signed) {
        const xBound: { min: number; max?: number } = { min: known?.xMin ?? 0 }
        if (known?.xMax !== undefined) xBound.max = known.xMax
        variable(`x|${cell.id}`, xBound)
        if (share) {
          constraints.set(`y|${cell.id}`, { max: 0 })
          variables.get(`x|${cell.id}`)?.set(`y|${cell.id}`, 1)
          variables.get(`n|${cell.id}`)?.set(`y|${cell.id}`, -1)
        }
      }
    }
    equations(cells, groups).forEach(([prefix, total, members], index) => {
      const value = prefix === 'n' ? (c: TrueCell) => c.n : (c: TrueCell) => c.numerator
      const terms: [string, number][] = [[total, -1], ...members.map((m) => [m, 1] as [string, number])]
      if (terms.some(([id]) => value(byId.get(id) as TrueCell) === null)) return
      {
        const name = `${prefix}eq${index}`
        let rhs = 0
        let used = false
        for (const [id, coefficient] of terms) {
          const v = variables.get(`${prefix}|${id}`)
          if (v) {
            v.set(name, (v.get(name) ?? 0) + coefficient)
            used = true
          } else rhs -= coefficient * (value(byId.get(id) as TrueCell) as number)
        }
        if (used) constraints.set(name, { equal: rhs })
      }
    })
    const interval = (objective: string): [number, number] => {
      const model = { direction: 'maximize' as const, objective, constraints, variables }
      const high = solve(model)
      const low = solve({ ...model, direction: 'minimize' as const })
      if (high.status === 'infeasible' || low.status === 'infeasible')
        throw new Error(`attacker: infeasible model in ${table.period} (the release contradicts the data)`)
      // whole counts are whole numbers to the attacker too (not so for, e.g., student-days averaged)
      const lowest = (integral ? Math.ceil(low.result - 1e-7) : low.result) + 0
      const highest = (integral ? Math.floor(high.result + 1e-7) : high.result) + 0
      return [
        low.status === 'unbounded' ? Number.NEGATIVE_INFINITY : lowest,
        high.status === 'unbounded' ? Number.POSITIVE_INFINITY : highest,
      ]
    }
    for (const cell of cells) {
      const r = releaseOf.get(cell.id) as CellRelease
      // a band ("≤ 5 %") the other figures pin to one value is no band
      if (r.kind === 'coded' && variables.has(`x|${cell.id}`)) {
        const numeratorInterval = interval(`x|${cell.id}`)
        if (numeratorInterval[0] === numeratorInterval[1])
          findings.push({
            period: table.period,
            cellId: cell.id,
            n: cell.n,
            numerator: cell.numerator,
            nInterval: [cell.n, cell.n],
            numeratorInterval,
            withoutInterval: null,
            exact: true,
            violatesRule: true,
          })
      }
    }
    for (const cell of cells) {
      if (!(cell.n > 0 && cell.n < t)) continue
      smallCells++
      const r = releaseOf.get(cell.id) as CellRelease
      const required = Math.min(cell.n, options.protectionWidth)
      if (r.kind !== 'suppressed') {
        findings.push({
          period: table.period,
          cellId: cell.id,
          n: cell.n,
          numerator: cell.numerator,
          nInterval: [cell.n, cell.n],
          numeratorInterval: null,
          withoutInterval: null,
          exact: true,
          violatesRule: true,
        })
        continue
      }
      const nInterval = interval(`n|${cell.id}`)
      const hasX = variables.has(`x|${cell.id}`)
      const numeratorInterval = hasX ? interval(`x|${cell.id}`) : null
      const yRaw = hasX && share ? interval(`y|${cell.id}`) : null
      const withoutInterval: [number, number] | null = yRaw ? [0 - yRaw[1], 0 - yRaw[0]] : null
      const width = (i: [number, number] | null) => (i === null ? Number.POSITIVE_INFINITY : i[1] - i[0])
      const pinned = (i: [number, number] | null) => i !== null && i[0] === i[1]
      const exact =
        (pinned(nInterval) && pinned(numeratorInterval)) ||
        (share && numeratorInterval !== null && numeratorInterval[1] === 0) ||
        (share && withoutInterval !== null && withoutInterval[1] === 0)
      const violatesRule =
        (!options.knowsSizes && width(nInterval) < Math.min(required, Math.max(0, t - 2))) ||
        width(numeratorInterval) < required ||
        width(withoutInterval) < required
      if (exact || violatesRule)
        findings.push({
          period: table.period,
          cellId: cell.id,
          n: cell.n,
          numerator: cell.numerator,
          nInterval,
          numeratorInterval,
          withoutInterval,
          exact,
          violatesRule,
        })
    }
  }
  return { smallCells, findings }
}

interface TimeBound {
  nMin?: number
  nMax?: number
  xMin?: number
  xMax?: number
}

/**
 * For a to-date measure: where a cell's series never falls within a school year (n and numerator), the
 * attacker takes the latest value released before a period as a floor and the earliest one released
 * after it as a ceiling ("hidden for 8 weeks, then shown as 0 of 10" reveals all 8 weeks).
 */
/**
 * School years in which the released all-students numerator falls: everyone then sees that the measure is
 * a to-date status students enter and leave (chronically absent so far), so "a count cannot fall" is no
 * inference anyone can make about a hidden cell that year.
 */
function yearsSeenToFall(
  tables: readonly ReleaseTableInput[],
  groups: readonly ReleaseGroup[],
  yearOf: (period: string) => number,
  release: (period: string, cellId: string) => CellRelease,
): Set<number> {
  const allId = groups.find((g) => g.category === 'all')?.id
  const fell = new Set<number>()
  if (allId === undefined) return fell
  const previous = new Map<number, number>()
  for (const table of tables) {
    const numerator = table.cells.find((c) => c.groupId === allId)?.numerator ?? null
    if (numerator === null || release(table.period, allId).kind !== 'shown') continue
    const year = yearOf(table.period)
    const before = previous.get(year)
    if (before !== undefined && numerator < before) fell.add(year)
    previous.set(year, numerator)
  }
  return fell
}

function timeBounds(
  tables: readonly ReleaseTableInput[],
  cellsOf: ReadonlyMap<string, TrueCell[]>,
  yearOf: (period: string) => number,
  release: (period: string, cellId: string) => CellRelease,
  yearsThatFall: ReadonlySet<number>,
): Map<string, TimeBound> {
  const series = new Map<string, { period: string; cell: TrueCell }[]>()
  for (const table of tables) {
    if (yearsThatFall.has(yearOf(table.period))) continue
    for (const cell of cellsOf.get(table.period) ?? []) {
      const key = `${yearOf(table.period)}|${cell.id}`
      const list = series.get(key) ?? []
      list.push({ period: table.period, cell })
      series.set(key, list)
    }
  }
  const out = new Map<string, TimeBound>()
  for (const list of series.values()) {
    const monotone = list.every(
      (e, i) =>
        i === 0 ||
        (e.cell.n >= (list[i - 1] as { cell: TrueCell }).cell.n &&
          (e.cell.numerator ?? 0) >= ((list[i - 1] as { cell: TrueCell }).cell.numerator ?? 0)),
    )
    if (!monotone) continue
    const released = list.map((e) => {
      const r = release(e.period, e.cell.id)
      if (r.kind === 'shown') return { n: e.cell.n, xMin: e.cell.numerator, xMax: e.cell.numerator }
      if (r.kind === 'coded' && e.cell.numerator !== null) {
        const range = codedNumeratorRange(e.cell.n, r, Number.isInteger(e.cell.numerator))
        return { n: e.cell.n, xMin: range.min, xMax: range.max }
      }
      return null
    })
    let floor: TimeBound = {}
    for (let i = 0; i < list.length; i++) {
      const r = released[i]
      if (r) {
        floor = { nMin: r.n, xMin: r.xMin ?? undefined }
        continue
      }
      const bound: TimeBound = { ...floor }
      const next = released.slice(i + 1).find((x) => x !== null)
      if (next) {
        bound.nMax = next.n
        if (next.xMax !== null) bound.xMax = next.xMax
      }
      out.set(`${(list[i] as { period: string }).period}|${(list[i] as { cell: TrueCell }).cell.id}`, bound)
    }
  }
  return out
}
