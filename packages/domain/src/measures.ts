// Measures and their observation periods: labels, defaults, which chart suits which unit, and how a
// period date lines up with the measure's cadence. Pure: "today" is always an argument.
import type { Cadence, ChartType, MeasureFamily, MeasureUnit } from './enums.ts'
import { MEASURE_VALUE_LIMIT } from './schemas/common.ts'

export const FAMILY_LABELS: Record<MeasureFamily, string> = {
  outcome: 'Outcome',
  process: 'Process',
  driver: 'Driver',
  balancing: 'Balancing',
}

export const FAMILY_DESCRIPTIONS: Record<MeasureFamily, string> = {
  outcome: 'The result the aim is about (e.g. chronic absence rate).',
  process: 'Whether the change is carried out as planned (e.g. share of families called).',
  driver: 'A condition the theory says must change first (e.g. students with a trusted adult).',
  balancing: 'Something that must not get worse as a side effect (e.g. teacher workload).',
}

export const UNIT_LABELS: Record<MeasureUnit, string> = {
  percent: 'Percent',
  rate: 'Rate',
  count: 'Count',
  score: 'Score',
  days: 'Days',
}

export const CADENCE_LABELS: Record<Cadence, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  term: 'Per term',
  annual: 'Annual',
}

export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  run: 'Run chart',
  i: 'I chart (individuals)',
  p: 'P chart (proportions)',
  pp: "P' chart (large denominators)",
  u: 'U chart (rates)',
  up: "U' chart (large denominators)",
  c: 'C chart (counts)',
  g: 'G chart (opportunities between events)',
  t: 'T chart (time between events)',
}

/** Units entered as a numerator over a denominator (the denominator is the n for limits and privacy). */
export function usesNumeratorDenominator(unit: MeasureUnit): boolean {
  return unit === 'percent' || unit === 'rate'
}

/** The multiplier a new measure gets: 100 for percents, 1 otherwise. */
export function defaultMultiplier(unit: MeasureUnit): number {
  return unit === 'percent' ? 100 : 1
}

/** Why a chart type does not suit a unit, or null when it does. */
export function chartTypeProblem(chartType: ChartType, unit: MeasureUnit): string | null {
  if ((chartType === 'p' || chartType === 'pp') && unit !== 'percent') {
    return 'A p chart needs a percent measure (a numerator over a denominator).'
  }
  if ((chartType === 'u' || chartType === 'up') && unit !== 'rate') {
    return 'A u chart needs a rate measure (events over a denominator).'
  }
  if (chartType === 'c' && unit !== 'count') return 'A c chart needs a count measure.'
  return null
}

// ─────────────── Periods ───────────────

const DAY_MS = 86_400_000

function parse(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`)
}
function format(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The calendar date of an instant, in UTC: what "today" means for period checks. */
export function isoDateOf(now: Date): string {
  return format(now)
}

/** Whether a period date is the start of a period of this cadence (weekly: a Monday; monthly: the 1st). */
export function isAlignedPeriod(cadence: Cadence, iso: string): boolean {
  const d = parse(iso)
  if (cadence === 'weekly') return d.getUTCDay() === 1
  if (cadence === 'monthly') return d.getUTCDate() === 1
  return true
}

/** What a period date must be, for the message of a misaligned one. */
export function periodAlignmentRule(cadence: Cadence): string {
  if (cadence === 'weekly') return 'Weekly periods start on a Monday.'
  if (cadence === 'monthly') return 'Monthly periods start on the 1st of the month.'
  return 'Any date.'
}

/** The start of the period that contains the date (daily, term and annual: the date itself). */
export function periodStart(cadence: Cadence, iso: string): string {
  const d = parse(iso)
  if (cadence === 'weekly') {
    const back = (d.getUTCDay() + 6) % 7
    return format(new Date(d.getTime() - back * DAY_MS))
  }
  if (cadence === 'monthly') return `${iso.slice(0, 7)}-01`
  return format(d)
}

/** The period start `steps` periods after (negative: before) a period start. */
export function shiftPeriod(cadence: Cadence, iso: string, steps: number): string {
  const d = parse(iso)
  if (cadence === 'weekly') return format(new Date(d.getTime() + steps * 7 * DAY_MS))
  if (cadence === 'monthly') {
    return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + steps, 1)))
  }
  if (cadence === 'annual') {
    return format(new Date(Date.UTC(d.getUTCFullYear() + steps, d.getUTCMonth(), d.getUTCDate())))
  }
  return format(new Date(d.getTime() + steps * DAY_MS))
}

/**
 * The `count` periods ending with the one that contains `endIso`, newest first. Term periods have
 * no fixed length: callers list the periods that already have data instead.
 */
export function recentPeriods(cadence: Cadence, endIso: string, count: number): string[] {
  const last = periodStart(cadence, endIso)
  return Array.from({ length: count }, (_, i) => shiftPeriod(cadence, last, -i))
}

/** Whether a cadence has periods of a fixed length (so a grid can list them without data). */
export function hasRegularPeriods(cadence: Cadence): boolean {
  return cadence !== 'term'
}

// ─────────────── Observation rows ───────────────

export interface ObservationRowValues {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
}

export interface MeasureRules {
  unit: MeasureUnit
  cadence: Cadence
  chartType: ChartType
  multiplier: number
}

export interface RowProblem {
  field: 'period' | 'value' | 'numerator' | 'denominator'
  message: string
}

/** The value stored for a row: numerator / denominator × multiplier when both are given, else the value. */
export function observationValue(
  row: ObservationRowValues,
  measure: Pick<MeasureRules, 'multiplier'>,
): number | null {
  if (row.numerator !== null && row.denominator !== null && row.denominator > 0) {
    return (row.numerator / row.denominator) * measure.multiplier
  }
  return row.value
}

const LIMIT_TEXT = MEASURE_VALUE_LIMIT.toLocaleString('en-US')

/**
 * What is wrong with a figure on a measure's scale, or null: a value, baseline, target or prediction
 * (`level`), or the difference between two groups' levels (`gap`). Percents stay within 0 and the
 * multiplier, counts, rates and days are not negative, and nothing goes beyond ±MEASURE_VALUE_LIMIT.
 */
export function measureValueProblem(
  value: number,
  measure: Pick<MeasureRules, 'unit' | 'multiplier'>,
  kind: 'level' | 'gap' = 'level',
): string | null {
  if (!Number.isFinite(value) || Math.abs(value) > MEASURE_VALUE_LIMIT) {
    return `Must be between -${LIMIT_TEXT} and ${LIMIT_TEXT}.`
  }
  if (kind === 'gap') {
    return measure.unit === 'percent' && Math.abs(value) > measure.multiplier
      ? `A gap between two percents is between -${measure.multiplier} and ${measure.multiplier}.`
      : null
  }
  if (measure.unit === 'percent' && (value < 0 || value > measure.multiplier)) {
    return `A percent is between 0 and ${measure.multiplier}.`
  }
  if (measure.unit !== 'score' && value < 0)
    return `A ${UNIT_LABELS[measure.unit].toLowerCase()} cannot be negative.`
  return null
}

const isProportion = (m: MeasureRules) => m.unit === 'percent' || m.chartType === 'p' || m.chartType === 'pp'

/**
 * What is wrong with one observation for a measure, field by field (empty when nothing is). `today` is
 * the caller's calendar date: a period that starts after it is in the future.
 */
export function observationRowProblems(
  row: ObservationRowValues,
  measure: MeasureRules,
  today: string,
): RowProblem[] {
  const problems: RowProblem[] = []
  if (row.period > today) {
    problems.push({ field: 'period', message: `This period starts in the future (after ${today}).` })
  } else if (!isAlignedPeriod(measure.cadence, row.period)) {
    problems.push({ field: 'period', message: periodAlignmentRule(measure.cadence) })
  }
  const hasRatio = row.numerator !== null && row.denominator !== null
  if (hasRatio && isProportion(measure) && (row.numerator as number) > (row.denominator as number)) {
    problems.push({
      field: 'numerator',
      message: `The numerator (${row.numerator}) is larger than the denominator (${row.denominator}).`,
    })
  }
  if (!hasRatio && row.value !== null) {
    const problem = measureValueProblem(row.value, measure)
    if (problem) problems.push({ field: 'value', message: problem })
    else if (measure.unit === 'count' && !Number.isInteger(row.value)) {
      problems.push({ field: 'value', message: 'A count is a whole number.' })
    }
  }
  if (hasRatio) {
    const value = observationValue(row, measure)
    if (value !== null && (!Number.isFinite(value) || Math.abs(value) > MEASURE_VALUE_LIMIT)) {
      problems.push({
        field: 'denominator',
        message: 'The numerator over this denominator is out of range: check both.',
      })
    }
  }
  return problems
}
