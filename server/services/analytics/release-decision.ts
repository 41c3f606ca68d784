// From a series' raw cells to its released cells: builds the input of the release decision
// (`decideSeriesRelease`, packages/analytics: every period, every group, the district's threshold, the
// measure's accumulation and the school-year start), asks it once, and applies it to every cell. Numbers
// of cells that are not shown never leave this file.
import { type CellRelease, decideSeriesRelease, type NumeratorKind, otherThanCellId } from '@pdsa/analytics'
import type { ChartType } from '@pdsa/domain'
import type { PrivacyContext } from './privacy-context.ts'

export interface RawCell {
  value: number
  numerator: number | null
  denominator: number | null
}

/** period → group id → raw cell. */
export type RawTable = Map<string, Map<string, RawCell>>

export type { HiddenReason } from '@pdsa/analytics'
/** What the decision says about one cell: shown, hidden (why), or released as a range. */
export type CellDecision = CellRelease

/** One group's cell of one period as every surface may show it: numbers null unless shown. */
export interface ReleasedCell {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  decision: CellDecision
}

const SHOWN: CellDecision = { kind: 'shown' }

/** The released cells of one series, decided once over all its periods and groups. */
export function decideRelease(
  table: RawTable,
  privacy: PrivacyContext,
  measure: { accumulation: 'period' | 'to_date'; chartType: ChartType },
): {
  periods: string[]
  cells: Map<string, Map<string, ReleasedCell>>
  otherThanHidden: Map<string, Set<string>>
} {
  const periods = [...table.keys()].sort()
  const decision = decideSeriesRelease({
    tables: periods.map((period) => ({
      period,
      cells: [...(table.get(period) ?? [])].map(([groupId, c]) => ({
        groupId,
        n: c.denominator,
        numerator: c.numerator,
      })),
    })),
    groups: privacy.groups.map((g) => ({ id: g.id, category: g.category, sortOrder: g.sortOrder })),
    rule: {
      threshold: privacy.threshold,
      accumulation: measure.accumulation,
      schoolYearStart: privacy.schoolYearStart,
      numeratorKind: numeratorKindOf(measure.chartType),
    },
  })
  const cells = new Map<string, Map<string, ReleasedCell>>()
  const otherThanHidden = new Map<string, Set<string>>()
  for (const period of periods) {
    const raw = table.get(period) ?? new Map()
    const released = new Map<string, ReleasedCell>()
    const hiddenOthers = new Set<string>()
    for (const [groupId, cell] of raw) {
      const d = cell.denominator === null ? SHOWN : decision.cell(period, groupId)
      released.set(
        groupId,
        d.kind === 'shown'
          ? { period, ...cell, decision: d }
          : { period, value: null, numerator: null, denominator: null, decision: d },
      )
      if (d.kind !== 'shown' || decision.cell(period, otherThanCellId(groupId)).kind !== 'shown') {
        hiddenOthers.add(groupId)
      }
    }
    cells.set(period, released)
    if (hiddenOthers.size > 0) otherThanHidden.set(period, hiddenOthers)
  }
  return { periods, cells, otherThanHidden }
}

/**
 * What the audit may assume about a hidden numerator, from the measure's chart type: p → a share of n
 * (0 ≤ numerator ≤ n, top/bottom coded), u and c → a count (≥ 0), anything else → a signed sum.
 */
export function numeratorKindOf(chartType: ChartType): NumeratorKind {
  if (chartType === 'p') return 'share'
  if (chartType === 'u' || chartType === 'c') return 'count'
  return 'signed'
}

/** What a reader may be told about a cell that is not shown: "n < 10", "hidden", or its range. */
export type Withheld =
  | { kind: 'small' }
  | { kind: 'hidden' }
  | { kind: 'coded'; bound: 'at_most' | 'at_least'; percent: number }

export function withheldOf(decision: CellDecision): Withheld | null {
  if (decision.kind === 'shown') return null
  if (decision.kind === 'coded') return decision
  return decision.reason === 'primary' ? { kind: 'small' } : { kind: 'hidden' }
}
