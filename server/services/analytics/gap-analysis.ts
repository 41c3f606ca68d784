// The equity gap of one focal group at one school (goal page, linked-metric "gap" view): the
// focal group's cells against its reference, judged with equityGap() from a start date on.
import { type EquityGapPeriod, equityGap, type GroupCell } from '@pdsa/analytics'
import { type Cadence, formatIsoDate, groupPhrase, type MeasureUnit } from '@pdsa/domain'
import { describeGapVerdict } from './describe-verdict.ts'
import type { VerdictReason } from './judge-link.ts'
import { groupLabel, type PrivacyContext } from './privacy-context.ts'
import type { Cell, SchoolCells } from './school-cells.ts'

export type GapVerdictKind = 'narrowed' | 'widened' | 'no_signal' | 'not_enough_data'
export type GapReferenceKind = 'all_students' | 'all_other_students' | 'named_group' | 'fixed_target'

export interface GapResult {
  verdict: GapVerdictKind
  message: string
  metric: 'difference' | 'risk_ratio'
  latestGap: number | null
  latestPeriod: string | null
  series: { period: string; focal: number | null; reference: number | null; gap: number | null }[]
  focalGroupName: string
  referenceName: string
  unit: MeasureUnit
  baselineMedian: number | null
  evaluationMedian: number | null
  /** Evaluation starts here; the baseline is the data before it. */
  since: string
  reasons: VerdictReason[]
  pointsNeeded: { baseline: number; evaluation: number } | null
  /** Periods with no gap because a cell is hidden (n below the threshold) or missing. */
  periodsWithoutGap: number
}

export interface GapQuestion {
  measure: { name: string; unit: string; multiplier: number; higherIsBetter: boolean; cadence: string }
  focalGroupId: string
  referenceKind: GapReferenceKind
  referenceGroupId: string | null
  /** For fixed_target: the target value (in the measure's unit). */
  targetValue?: number | null
  /** Evaluation from this date; baseline before it. */
  since: string
  /** Periods before this are left out (e.g. only the year before the goal's baseline date). */
  from?: string | undefined
  /** How the message names the start: "since September 1, 2025" by default. */
  sinceLabel?: string
}

function groupCell(cell: Cell | undefined, multiplier: number, ratio: boolean): GroupCell {
  if (!cell) return ratio ? { numerator: null, denominator: null } : { value: null }
  if (ratio)
    return { numerator: cell.numerator, denominator: cell.denominator, isSuppressed: cell.suppressed }
  return { value: cell.value === null ? null : cell.value / multiplier, isSuppressed: cell.suppressed }
}

function referenceNameOf(q: GapQuestion, privacy: PrivacyContext, ratio: boolean): string {
  switch (q.referenceKind) {
    case 'fixed_target':
      return 'the target'
    case 'named_group':
      return groupPhrase(groupLabel(privacy.groupById.get(q.referenceGroupId ?? '')))
    case 'all_students':
      return 'all students'
    case 'all_other_students':
      // "All other students" is derived from counts; a measure of plain values has none.
      return ratio ? 'all other students' : 'all students'
  }
}

export function analyzeGap(table: SchoolCells, q: GapQuestion, privacy: PrivacyContext): GapResult {
  const m = q.measure
  const periods = table.periods.filter((p) => !q.from || p >= q.from)
  const allId = privacy.allGroup?.id ?? ''
  const ratio = periods.some((p) => {
    const c = table.at(p, q.focalGroupId)
    return c !== undefined && !c.suppressed && c.numerator !== null && c.denominator !== null
  })
  const input: EquityGapPeriod[] = periods.map((period) => ({
    period,
    focal: groupCell(table.at(period, q.focalGroupId), m.multiplier, ratio),
    allStudents: groupCell(table.at(period, allId), m.multiplier, ratio),
    reference:
      q.referenceKind === 'fixed_target'
        ? { value: (q.targetValue ?? Number.NaN) / m.multiplier }
        : groupCell(table.at(period, q.referenceGroupId ?? ''), m.multiplier, ratio),
  }))
  const kind = q.referenceKind
  const reference =
    kind === 'fixed_target' || kind === 'named_group'
      ? 'named_group'
      : kind === 'all_other_students' && !ratio
        ? 'all_students'
        : kind
  const last = periods.at(-1)
  const outcome = equityGap({
    measure: { higherIsBetter: m.higherIsBetter, multiplier: m.multiplier },
    reference,
    periods: input,
    window: { start: q.since, end: last && last > q.since ? last : q.since },
    metric: 'difference',
    minimumCellSize: privacy.threshold,
  })
  const focalName = groupLabel(privacy.groupById.get(q.focalGroupId))
  const common = {
    metric: 'difference' as const,
    focalGroupName: focalName,
    referenceName: referenceNameOf(q, privacy, ratio),
    unit: m.unit as MeasureUnit,
    since: q.since,
  }
  if (!outcome.ok) {
    return {
      ...common,
      verdict: 'not_enough_data',
      message: `The gap cannot be computed: ${outcome.issues[0] ?? 'unknown problem'}.`,
      latestGap: null,
      latestPeriod: null,
      series: [],
      baselineMedian: null,
      evaluationMedian: null,
      reasons: [],
      pointsNeeded: null,
      periodsWithoutGap: periods.length,
    }
  }
  const series = outcome.gapSeries.map((g) => ({
    period: g.period,
    focal: g.focal,
    reference: g.reference,
    gap: g.difference,
  }))
  const latest = series.findLast((s) => s.gap !== null)
  const subject = `The gap in ${m.name.toLowerCase()} between ${groupPhrase(focalName)} and ${common.referenceName}`
  return {
    ...common,
    verdict: outcome.verdict,
    message: describeGapVerdict(outcome, {
      subject,
      unit: common.unit,
      cadence: m.cadence as Cadence,
      chartType: 'run',
      since: q.sinceLabel ?? `since ${formatIsoDate(q.since)}`,
    }),
    latestGap: latest?.gap ?? null,
    latestPeriod: latest?.period ?? null,
    series,
    baselineMedian: outcome.baseline.median,
    evaluationMedian: outcome.evaluation.median,
    reasons: outcome.reasons.map((r) => ({
      rule: r.rule,
      direction: r.direction,
      movement: r.movement,
      periods: r.pointIndices.map((i) => input[i]?.period ?? ''),
      message: r.message,
    })),
    pointsNeeded: outcome.pointsNeeded ?? null,
    periodsWithoutGap: series.filter((s) => s.gap === null).length,
  }
}
