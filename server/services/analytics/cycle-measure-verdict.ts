// What a linked measure's verdict says (the shape every screen, export and cache reads) and what it is
// judged from besides the cycle's own cells.
import type { ChangeReason, ChartType, ComparisonSeries, VerdictMethod } from '@pdsa/analytics'
import type { Cadence, Direction, MeasureFamily, MeasureUnit } from '@pdsa/domain'
import type { PriorCycleInput } from './verdict-inputs.ts'

export type CycleVerdictKind = 'improved' | 'worsened' | 'no_signal' | 'not_enough_data'

export interface VerdictReason {
  rule: ChangeReason['rule']
  direction: ChangeReason['direction']
  movement: ChangeReason['movement']
  /** The periods (YYYY-MM-DD) of the points the rule fired on. */
  periods: string[]
  message: string
}

export interface CycleMeasureVerdict {
  cycleId: string
  measureId: string
  measureName: string
  /** The measure's family: the cycle's headline verdict leads with outcome measures (ADR 024). */
  measureFamily: MeasureFamily
  /** null: the link reads all students. */
  studentGroupId: string | null
  studentGroupName: string
  verdict: CycleVerdictKind
  /** The plain-language sentence for the verdict card. */
  message: string
  baselineMedian: number | null
  evaluationMedian: number | null
  absoluteChange: number | null
  unit: MeasureUnit
  relativeChange: number | null
  /** The comparison and limits the verdict rests on, in plain words (null when the data cannot be judged). */
  method: VerdictMethodView | null
  /** The cycle is complete: a not_enough_data verdict is final, no more values will be counted. */
  isFinal: boolean
  baselineCentreLine: number | null
  baselineCount: number
  evaluationCount: number
  pointsNeeded: { baseline: number; evaluation: number } | null
  reasons: VerdictReason[]
  /** The analytics engine's own explanation (rules and numbers), shown under the sentence. */
  detail: string
  /** Values hidden by small-cell suppression (n below the district's threshold). */
  hiddenCount: number
  window: { start: string; end: string; lagDays: number }
  chartType: ChartType
  cadence: Cadence
  higherIsBetter: boolean
  expectedDirection: Direction
}

export interface VerdictMethodView extends VerdictMethod {
  /** "Laney p′ limits: the week-to-week variation is larger than the sample sizes alone explain" */
  limitsNote: string
  /** "Compared with 8 schools that ran no cycle on this measure. Shewhart limits: …." */
  summary: string
  /** The re-baseline break on the chart: "New level after “Family texts” was adopted". */
  phaseLabel: string | null
}

/** What the verdict reads besides the cycle's own cells (issue 9: calendar-aware verdicts). */
export interface LinkVerdictInputs {
  schoolYearStart: string
  isFinal: boolean
  /** The same measure and group at schools that ran no cycle on the measure (suppressed cells). */
  comparison: readonly ComparisonSeries[]
  /** Earlier cycles on the same series, oldest first. */
  priorCycles: readonly PriorCycleInput[]
}

export interface VerdictWindow {
  start: string
  end: string
  lagDays: number
}
