// One linked measure's verdict, from its (already suppressed) cells, with the sentence for teachers.
import { type ChangeReason, type ChartType, cycleVerdict } from '@pdsa/analytics'
import { type Cadence, type Direction, groupPhrase, type MeasureUnit } from '@pdsa/domain'
import { verdictObservations } from './chart-series.ts'
import { describeCycleVerdict } from './describe-verdict.ts'
import { groupLabel, type PrivacyContext } from './privacy-context.ts'
import type { Cell } from './school-cells.ts'

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

export interface VerdictWindow {
  start: string
  end: string
  lagDays: number
}

export interface LinkToJudge {
  cycleId: string
  window: VerdictWindow
  measureId: string
  studentGroupId: string | null
  expectedDirection: string
  measure: {
    name: string
    unit: string
    chartType: string
    multiplier: number
    higherIsBetter: boolean
    cadence: string
  }
}

const DAY_MS = 86_400_000
/** The last day of the evaluation: the end plus the lag days. */
export function evaluationEnd(w: VerdictWindow): string {
  return new Date(Date.parse(`${w.end}T00:00:00Z`) + w.lagDays * DAY_MS).toISOString().slice(0, 10)
}

/** One link's verdict from its (suppressed) cells. */
export function judgeLink(link: LinkToJudge, cells: Cell[], privacy: PrivacyContext): CycleMeasureVerdict {
  const m = link.measure
  const measure = { ...m, chartType: m.chartType as ChartType, cadence: m.cadence as Cadence }
  const group = link.studentGroupId ? privacy.groupById.get(link.studentGroupId) : privacy.allGroup
  const { window } = link
  const last = evaluationEnd(window)
  const outcome = cycleVerdict({
    measure,
    observations: verdictObservations(measure, cells),
    cycle: window,
  })
  const inWindow = cells.filter((c) => c.period <= last)
  const hiddenCount = inWindow.filter((c) => c.suppressed).length
  const base = {
    cycleId: link.cycleId,
    measureId: link.measureId,
    measureName: m.name,
    studentGroupId: link.studentGroupId,
    studentGroupName: group ? groupLabel(group) : 'a removed student group',
    unit: m.unit as MeasureUnit,
    hiddenCount,
    window,
    chartType: measure.chartType,
    cadence: m.cadence as Cadence,
    higherIsBetter: m.higherIsBetter,
    expectedDirection: link.expectedDirection as Direction,
  }
  if (!outcome.ok) {
    return {
      ...base,
      verdict: 'not_enough_data',
      message: `This measure's data cannot be judged yet: ${outcome.issues[0] ?? 'unknown problem'}.`,
      detail: outcome.issues.join(' '),
      baselineMedian: null,
      evaluationMedian: null,
      absoluteChange: null,
      relativeChange: null,
      baselineCentreLine: null,
      baselineCount: 0,
      evaluationCount: 0,
      pointsNeeded: null,
      reasons: [],
    }
  }
  const subject = `${m.name} for ${group?.category === 'all' || !group ? 'all students' : groupPhrase(group.name)}`
  return {
    ...base,
    verdict: outcome.verdict,
    message: describeCycleVerdict(outcome, {
      subject,
      unit: base.unit,
      cadence: base.cadence,
      chartType: base.chartType,
      hiddenCount,
      threshold: privacy.threshold,
    }),
    detail: outcome.message,
    baselineMedian: outcome.baseline.median,
    evaluationMedian: outcome.evaluation.median,
    absoluteChange: outcome.change.absolute,
    relativeChange: outcome.change.relative,
    baselineCentreLine: outcome.baseline.centreLine,
    baselineCount: outcome.baseline.n,
    evaluationCount: outcome.evaluation.n,
    pointsNeeded: outcome.pointsNeeded ?? null,
    reasons: outcome.reasons.map((r) => ({
      rule: r.rule,
      direction: r.direction,
      movement: r.movement,
      periods: r.pointIndices.map((i) => cells[i]?.period ?? ''),
      message: r.message,
    })),
  }
}
