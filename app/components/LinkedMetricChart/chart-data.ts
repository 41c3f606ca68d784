// Rows for the chart and the data table: one per period, numbers already suppressed by the server.
import type { ChartType, MeasureUnit } from '@pdsa/domain'
import type { VerdictKind } from '~/components/VerdictBadge'
import type { WithheldView } from './withheld-text'

export interface ChartPointView {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  suppressed: boolean
  /** How a withheld cell reads ("n < 10", "Hidden", "≤ 5 %"); absent or null when shown. */
  withheld?: WithheldView | null
  cl: number | null
  lcl: number | null
  ucl: number | null
  /** A point a shown cycle's verdict named, and which way it moved (ADR 024); null: no signal. */
  signal: PointSignalView | null
  isBaseline: boolean
}

/** better / worse in the measure's direction; neutral where the measure (or the gap) has none. */
export type SignalDirection = 'better' | 'worse' | 'neutral'

export interface PointSignalView {
  direction: SignalDirection
  rules: readonly string[]
}

export interface GroupSeriesView {
  groupId: string
  groupName: string
  points: readonly ChartPointView[]
}

export interface GapSeriesView {
  series: readonly { period: string; focal: number | null; reference: number | null; gap: number | null }[]
  baselineMedian: number | null
  focalGroupName: string
  referenceName: string
  /** Points the gap verdict's rules fired on, with the direction (better = the gap narrowed). */
  signals: readonly { period: string; direction: SignalDirection; rule: string }[]
}

export interface ChartWindowView {
  id: string
  title: string
  /** Whose cycle it is, for the list under the chart: "Attendance team · Chronic absence, Black students". */
  group?: string | undefined
  /** Words after the verdict when the verdict is not about the plotted series ("judged for all students"). */
  verdictNote?: string | undefined
  start: string
  /** Last day counted (end + lag). */
  end: string
  verdict: VerdictKind | null
  /** Highlight this window (the cycle whose page this is). */
  isCurrent?: boolean
}

export type ChartMode = 'single' | 'disaggregated' | 'gap'

/** Where an adopted cycle re-baselined the series: a new phase starts. */
export interface PhaseBreakView {
  period: string
  /** "New level after “Family texts” was adopted" */
  label: string
}

export type LimitsKind = 'shewhart' | 'laney' | 'none'

export interface LinkedMetricChartProps {
  /** What the chart shows, for its caption: "Chronic absence rate for English learners at Harbor Middle". */
  title: string
  unit: MeasureUnit
  chartType: ChartType
  threshold: number
  mode: ChartMode
  series: readonly GroupSeriesView[]
  gap?: GapSeriesView | null
  windows?: readonly ChartWindowView[]
  /** Extra context under the caption (e.g. how the baseline was chosen). */
  note?: string | undefined
  /** The limits drawn (those the verdict used): named in the legend. */
  limits?: LimitsKind | undefined
  /** Re-baseline breaks, drawn as labelled phase lines. */
  phaseBreaks?: readonly PhaseBreakView[] | undefined
  height?: number
}

export const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

export interface SingleRow extends ChartPointView {
  t: number
  /** Where hidden cells are marked (just above the axis). */
  hiddenMark: number | null
  signalKind: SignalDirection | null
}

export function singleRows(points: readonly ChartPointView[], floor: number): SingleRow[] {
  return points.map((p) => ({
    ...p,
    t: toTime(p.period),
    hiddenMark: p.suppressed ? floor : null,
    signalKind: p.signal?.direction ?? null,
  }))
}

export type DisaggregatedRow = { t: number; period: string } & Record<string, number | string | null>

/** One row per period, one column per group (`g:<id>`), plus `h:<id>` = 1 when hidden and `w:<id>` how. */
export function disaggregatedRows(series: readonly GroupSeriesView[]): DisaggregatedRow[] {
  const rows = new Map<string, DisaggregatedRow>()
  for (const s of series) {
    for (const p of s.points) {
      const row = rows.get(p.period) ?? { t: toTime(p.period), period: p.period }
      row[`g:${s.groupId}`] = p.value
      row[`h:${s.groupId}`] = p.suppressed ? 1 : null
      row[`w:${s.groupId}`] = p.suppressed && p.withheld ? JSON.stringify(p.withheld) : null
      rows.set(p.period, row)
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t)
}

export interface GapRow {
  t: number
  period: string
  focal: number | null
  reference: number | null
  gap: number | null
  signalKind: SignalDirection | null
}

export function gapRows(gap: GapSeriesView): GapRow[] {
  const signals = new Map<string, SignalDirection>()
  for (const s of gap.signals) {
    const had = signals.get(s.period)
    signals.set(s.period, had && had !== s.direction ? 'neutral' : s.direction)
  }
  return gap.series.map((g) => ({
    ...g,
    t: toTime(g.period),
    signalKind: signals.get(g.period) ?? null,
  }))
}

/** A y-domain with a little room, covering values, limits and reference lines. */
export function yDomain(values: readonly (number | null | undefined)[], unit: MeasureUnit): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  if (finite.length === 0) return [0, unit === 'percent' ? 100 : 1]
  let min = Math.min(...finite)
  let max = Math.max(...finite)
  if (min === max) {
    min -= 1
    max += 1
  }
  const pad = (max - min) * 0.08
  const low = min - pad
  // A percentage cannot pass 100: a control limit that does (a small school's p chart) is cut at the top edge
  // rather than stretching the axis to "101.9 %".
  const high = unit === 'percent' ? Math.min(100, max + pad) : max + pad
  return [unit === 'percent' || unit === 'count' || unit === 'rate' ? Math.max(0, low) : low, high]
}

export const GROUP_COLORS = [
  '#0f7a68',
  '#1c4f9c',
  '#b3401b',
  '#6b3fa0',
  '#8a6100',
  '#a61e4d',
  '#2b6d2f',
  '#0b6e99',
  '#5c4033',
  '#495057',
]
