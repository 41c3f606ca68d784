// One linked measure's verdict, from its (already suppressed) cells, with the sentence for teachers.
import { type ChartType, cycleVerdict } from '@pdsa/analytics'
import { type Cadence, type Direction, groupPhrase, type MeasureFamily, type MeasureUnit } from '@pdsa/domain'
import { verdictObservations } from './chart-series.ts'
import type { CycleMeasureVerdict, LinkVerdictInputs, VerdictWindow } from './cycle-measure-verdict.ts'
import { describeCycleVerdict, describeVerdictMethod } from './describe-verdict.ts'
import { groupLabel, type PrivacyContext } from './privacy-context.ts'
import type { Cell } from './school-cells.ts'
import type { PriorCycleInput } from './verdict-inputs.ts'

export type {
  CycleMeasureVerdict,
  CycleVerdictKind,
  LinkVerdictInputs,
  VerdictMethodView,
  VerdictReason,
  VerdictWindow,
} from './cycle-measure-verdict.ts'

export interface LinkToJudge {
  cycleId: string
  window: VerdictWindow
  measureId: string
  studentGroupId: string | null
  expectedDirection: string
  measure: {
    name: string
    family: string
    unit: string
    chartType: string
    multiplier: number
    higherIsBetter: boolean
    cadence: string
    accumulation: string
  }
}

const DAY_MS = 86_400_000
/** The last day of the evaluation: the end plus the lag days. */
export function evaluationEnd(w: VerdictWindow): string {
  return new Date(Date.parse(`${w.end}T00:00:00Z`) + w.lagDays * DAY_MS).toISOString().slice(0, 10)
}

/** The adopted earlier cycle whose new level the baseline starts from (the latest one before the break). */
function phaseLabel(phaseStart: string | null, prior: readonly PriorCycleInput[]): string | null {
  if (!phaseStart) return null
  const adopted = prior.filter((p) => p.decision === 'adopt' && p.start <= phaseStart).at(-1)
  if (!adopted) return 'New level after an earlier cycle was adopted'
  return adopted.title
    ? `New level after “${adopted.title}” was adopted`
    : 'New level after an earlier cycle was adopted'
}

/** One link's verdict from its (suppressed) cells and the series it is compared with. */
export function judgeLink(
  link: LinkToJudge,
  cells: Cell[],
  privacy: PrivacyContext,
  inputs: LinkVerdictInputs,
): CycleMeasureVerdict {
  const m = link.measure
  const measure = {
    chartType: m.chartType as ChartType,
    multiplier: m.multiplier,
    higherIsBetter: m.higherIsBetter,
    cadence: m.cadence as Cadence,
    accumulation: m.accumulation === 'to_date' ? ('to_date' as const) : ('period' as const),
    schoolYearStart: inputs.schoolYearStart,
  }
  const group = link.studentGroupId ? privacy.groupById.get(link.studentGroupId) : privacy.allGroup
  const { window } = link
  const last = evaluationEnd(window)
  const outcome = cycleVerdict({
    measure,
    observations: verdictObservations(measure, cells),
    cycle: window,
    comparison: inputs.comparison,
    priorCycles: inputs.priorCycles.map((p) => ({
      start: p.start,
      end: p.end,
      lagDays: p.lagDays,
      decision: p.decision,
    })),
    isFinal: inputs.isFinal,
  })
  const inWindow = cells.filter((c) => c.period <= last)
  const hiddenCount = inWindow.filter((c) => c.suppressed).length
  const base = {
    cycleId: link.cycleId,
    measureId: link.measureId,
    measureName: m.name,
    measureFamily: m.family as MeasureFamily,
    studentGroupId: link.studentGroupId,
    studentGroupName: group ? groupLabel(group) : 'a removed student group',
    unit: m.unit as MeasureUnit,
    hiddenCount,
    window,
    chartType: measure.chartType,
    cadence: m.cadence as Cadence,
    higherIsBetter: m.higherIsBetter,
    expectedDirection: link.expectedDirection as Direction,
    isFinal: inputs.isFinal,
  }
  if (!outcome.ok) {
    const problem = outcome.issues[0] ?? 'unknown problem'
    return {
      ...base,
      verdict: 'not_enough_data',
      message: inputs.isFinal
        ? `This measure's data could not be judged: ${problem}.`
        : `This measure's data cannot be judged yet: ${problem}.`,
      method: null,
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
  const words = describeVerdictMethod(outcome.method, {
    chartType: measure.chartType,
    cadence: measure.cadence,
  })
  return {
    ...base,
    verdict: outcome.verdict,
    method: {
      ...outcome.method,
      ...words,
      phaseLabel: phaseLabel(outcome.method.phaseStart, inputs.priorCycles),
    },
    message: describeCycleVerdict(outcome, {
      subject,
      unit: base.unit,
      cadence: base.cadence,
      chartType: base.chartType,
      hiddenCount,
      threshold: privacy.threshold,
      isFinal: inputs.isFinal,
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
