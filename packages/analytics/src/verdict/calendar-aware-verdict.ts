// Validation and preparation for the calendar-aware verdict (calendar-verdict.ts): the cycle's series
// and the comparison series sorted into day-number columns, the school year of each period, the
// window, and the phase an adopted earlier cycle started (re-baselining).

import { CHART_TYPES_REQUIRING_DENOMINATOR } from '../chart-types.ts'
import { type CalendarVerdictSettings, calendarVerdict, type PreparedSeries } from './calendar-verdict.ts'
import { type ComparisonPool, type ContrastKind, type DaySeries, poolSeries } from './contrast.ts'
import type {
  ComparisonSeries,
  CycleVerdict,
  CycleVerdictInput,
  CycleVerdictOutcome,
  MeasureCadence,
  Observation,
  PriorCycle,
} from './cycle-verdict.ts'
import { parseDay } from './periods.ts'
import {
  DEFAULT_SCHOOL_YEAR_START,
  parseMonthDay,
  schoolYearOfDay,
  schoolYearsOfDays,
} from './school-calendar.ts'

interface SortedSeries {
  series: DaySeries
  originalIndex: Int32Array
}

/** Indices in period order: the identity when the input is already sorted (the usual case). */
function periodOrder(days: Int32Array): { order: Int32Array; sorted: boolean } {
  const length = days.length
  const order = new Int32Array(length)
  let sorted = true
  for (let i = 0; i < length; i++) {
    order[i] = i
    if (i > 0 && (days[i] as number) < (days[i - 1] as number)) sorted = false
  }
  if (!sorted) order.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b)
  return { order, sorted }
}

/** Sorted day-number columns of one series; `label` prefixes issues ("observations", "comparison[2]"). */
function sortSeries(
  observations: readonly Observation[],
  label: string,
  needsRatio: boolean,
  issues: string[],
): SortedSeries | null {
  const before = issues.length
  const length = observations.length
  let hasRatioFields = false
  let hasValues = false
  let hasNumerator = false
  const days = new Int32Array(length)
  for (let index = 0; index < length; index++) {
    const o = observations[index] as Observation
    if (o.numerator !== undefined) hasNumerator = true
    if (o.numerator !== undefined || o.denominator !== undefined) hasRatioFields = true
    if (o.value !== undefined && o.value !== null) hasValues = true
    const day = parseDay(o.period)
    if (day === null) issues.push(`${label}[${index}].period "${o.period}" is not an ISO date`)
    else days[index] = day
  }
  const usesRatio = needsRatio || hasRatioFields
  if (needsRatio && length > 0 && !hasNumerator) {
    issues.push(`${label}: this chart needs numerator and denominator on its observations`)
  }
  if (usesRatio && hasValues) {
    issues.push(`${label}: observations mix value with numerator / denominator; use one form for a measure`)
  }
  if (issues.length > before) return null
  const { order, sorted } = periodOrder(days)
  for (let k = 1; k < length; k++) {
    const previous = order[k - 1] as number
    const current = order[k] as number
    if (days[previous] === days[current]) {
      issues.push(
        `${label}[${previous}] and ${label}[${current}] have the same period ${observations[current]?.period}`,
      )
    }
  }
  if (issues.length > before) return null
  const y = new Float64Array(length)
  const n = usesRatio ? new Float64Array(length) : undefined
  // already in period order (the usual case): the parsed days are the sorted ones
  const sortedDays = sorted ? days : new Int32Array(length)
  for (let k = 0; k < length; k++) {
    const index = order[k] as number
    const o = observations[index] as Observation
    if (!sorted) sortedDays[k] = days[index] as number
    const yValue = usesRatio ? o.numerator : o.value
    y[k] = yValue === null || yValue === undefined ? Number.NaN : yValue
    if (n) n[k] = o.denominator === null || o.denominator === undefined ? Number.NaN : o.denominator
    if (!Number.isFinite(y[k] as number) && yValue !== null && yValue !== undefined)
      issues.push(`${label}[${index}]: the value must be a finite number`)
    if (n && (n[k] as number) < 0) issues.push(`${label}[${index}].denominator must not be negative`)
  }
  if (issues.length > before) return null
  return { series: { days: sortedDays, y, n }, originalIndex: order }
}

/**
 * The sorted form of each observations array already prepared, by whether the chart needs a
 * denominator (only valid series are kept: an invalid one is re-read so its issues carry the label
 * of the call). The server shares one comparison series among all the links of a measure and group,
 * so a district's verdicts read, parse and sort each of them once instead of once per link. Keyed by
 * the array object (a WeakMap: an entry lives as long as the caller keeps the array); observations
 * are read as immutable (`readonly Observation[]`), and an array whose length changed is read again.
 */
const preparedSeries = new WeakMap<
  readonly Observation[],
  { withDenominator?: SortedSeries; withoutDenominator?: SortedSeries }
>()

/** The sorted series of an observations array, from the cache when the same array was prepared before. */
function preparedSeriesOf(
  observations: readonly Observation[],
  label: string,
  needsRatio: boolean,
  issues: string[],
): SortedSeries | null {
  const slot = needsRatio ? 'withDenominator' : 'withoutDenominator'
  let entry = preparedSeries.get(observations)
  const hit = entry?.[slot]
  if (hit && hit.originalIndex.length === observations.length) return hit
  const sorted = sortSeries(observations, label, needsRatio, issues)
  if (sorted === null) return null
  if (!entry) {
    entry = {}
    preparedSeries.set(observations, entry)
  }
  entry[slot] = sorted
  return sorted
}

/** The pool of each list of comparison series, with the prepared series it was built from. */
const comparisonPools = new WeakMap<
  readonly ComparisonSeries[],
  { members: readonly DaySeries[]; pool: ComparisonPool }
>()

/**
 * The comparison series pooled once per list: the server passes one list to every link of a measure
 * and group. Reused only while the list holds the same prepared series (same arrays, same lengths).
 */
function comparisonPoolOf(
  list: readonly ComparisonSeries[],
  members: readonly DaySeries[],
): ComparisonPool | null {
  if (members.length === 0) return null
  const hit = comparisonPools.get(list)
  if (hit && hit.members.length === members.length && hit.members.every((m, k) => m === members[k]))
    return hit.pool
  const pool = poolSeries(members, (members[0] as DaySeries).n !== undefined)
  comparisonPools.set(list, { members, pool })
  return pool
}

/** The first `count` periods of a series (those up to a day). */
function head(series: DaySeries, count: number): DaySeries {
  return {
    days: series.days.subarray(0, count),
    y: series.y.subarray(0, count),
    n: series.n?.subarray(0, count),
  }
}

function countBefore(days: Int32Array, day: number): number {
  let low = 0
  let high = days.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((days[middle] as number) < day) low = middle + 1
    else high = middle
  }
  return low
}

const PERIOD_NOUNS: Record<MeasureCadence, string> = {
  daily: 'daily value',
  weekly: 'weekly value',
  monthly: 'monthly value',
  term: 'term value',
  annual: 'annual value',
}

interface Context {
  focal: SortedSeries
  comparison: ComparisonPool | null
  schoolYears: Int32Array
  start: { month: number; day: number }
  base: Omit<CalendarVerdictSettings, 'phaseStartDay' | 'phaseStartPeriod' | 'cycleSchoolYear' | 'isFinal'>
}

function verdictFor(
  context: Context,
  startDay: number,
  lastDay: number,
  phase: { day: number; period: string } | null,
  isFinal: boolean,
): CycleVerdict {
  const { focal } = context
  const count = countBefore(focal.series.days, lastDay + 1)
  const prepared: PreparedSeries = {
    focal: head(focal.series, count),
    originalIndex: focal.originalIndex.subarray(0, count),
    baselineCount: countBefore(focal.series.days, startDay),
    comparison: context.comparison,
    schoolYears: context.schoolYears.subarray(0, count),
  }
  return calendarVerdict(prepared, {
    ...context.base,
    phaseStartDay: phase?.day ?? null,
    phaseStartPeriod: phase?.period ?? null,
    cycleSchoolYear: schoolYearOfDay(startDay, context.start),
    isFinal,
  })
}

/**
 * The phase an adopted earlier cycle started: the latest prior cycle with decision 'adopt' that
 * ended before this cycle, whose verdict was 'improved' and still is when its window is stretched up
 * to this cycle's start (the signal held). Earlier phases are found first, so each prior cycle is
 * judged against the level before it.
 */
function phaseFromPriorCycles(
  context: Context,
  priorCycles: readonly PriorCycle[],
  startDay: number,
): { day: number; period: string } | null {
  const adopted = priorCycles
    .filter((prior) => prior.decision === 'adopt')
    .map((prior) => ({
      prior,
      start: parseDay(prior.start) as number,
      end: (parseDay(prior.end) as number) + (prior.lagDays ?? 0),
    }))
    .filter(({ start, end }) => end < startDay && start < startDay)
    .sort((a, b) => a.start - b.start)
  let phase: { day: number; period: string } | null = null
  for (const { prior, start, end } of adopted) {
    const during = verdictFor(context, start, end, phase, true)
    if (during.verdict !== 'improved') continue
    const held = verdictFor(context, start, startDay - 1, phase, true)
    if (held.verdict === 'improved') phase = { day: start, period: prior.start }
  }
  return phase
}

export function calendarAwareVerdict(input: CycleVerdictInput): CycleVerdictOutcome {
  const { measure, cycle } = input
  const issues: string[] = []
  const startDay = parseDay(cycle.start)
  const endDay = parseDay(cycle.end)
  const lagDays = cycle.lagDays ?? 0
  if (startDay === null) issues.push(`cycle start "${cycle.start}" is not an ISO date`)
  if (endDay === null) issues.push(`cycle end "${cycle.end}" is not an ISO date`)
  if (!Number.isInteger(lagDays) || lagDays < 0)
    issues.push(`lagDays must be a non-negative integer, got ${lagDays}`)
  if (startDay !== null && endDay !== null && endDay < startDay) issues.push('cycle end is before its start')
  const schoolYearStart = measure.schoolYearStart ?? DEFAULT_SCHOOL_YEAR_START
  const start = parseMonthDay(schoolYearStart)
  if (start === null) issues.push(`schoolYearStart "${schoolYearStart}" is not a day of the year (MM-DD)`)
  ;(input.priorCycles ?? []).forEach((prior, index) => {
    if (parseDay(prior.start) === null)
      issues.push(`priorCycles[${index}].start "${prior.start}" is not an ISO date`)
    if (parseDay(prior.end) === null)
      issues.push(`priorCycles[${index}].end "${prior.end}" is not an ISO date`)
  })
  const needsRatio = CHART_TYPES_REQUIRING_DENOMINATOR.includes(measure.chartType)
  const focal = preparedSeriesOf(input.observations, 'observations', needsRatio, issues)
  const comparison = (input.comparison ?? []).map((other, k) =>
    preparedSeriesOf(other.observations, `comparison[${k}].observations`, needsRatio, issues),
  )
  if (
    focal &&
    comparison.some((other) => other && (other.series.n === undefined) !== (focal.series.n === undefined))
  ) {
    issues.push(
      'comparison series must use the same form (value, or numerator and denominator) as the observations',
    )
  }
  if (issues.length > 0 || focal === null || start === null || startDay === null || endDay === null)
    return { ok: false, issues }
  if (input.method !== undefined && input.method !== 'auto' && !isContrastKind(input.method)) {
    return { ok: false, issues: [`unknown method "${input.method}"`] }
  }
  const schoolYears = schoolYearsOfDays(focal.series.days, start)
  const context: Context = {
    focal,
    comparison: comparisonPoolOf(
      input.comparison ?? [],
      comparison.map((other) => (other as SortedSeries).series),
    ),
    schoolYears,
    start,
    base: {
      chart: measure.chartType,
      higherIsBetter: measure.higherIsBetter,
      accumulation: measure.accumulation ?? 'period',
      multiplier: measure.multiplier ?? 1,
      periodNoun: measure.cadence ? PERIOD_NOUNS[measure.cadence] : 'value',
      kind: input.method === 'auto' || input.method === undefined ? undefined : input.method,
    },
  }
  const phase = phaseFromPriorCycles(context, input.priorCycles ?? [], startDay)
  return { ok: true, ...verdictFor(context, startDay, endDay + lagDays, phase, input.isFinal ?? false) }
}

function isContrastKind(method: string): method is ContrastKind {
  return (
    method === 'comparison_schools' || method === 'same_weeks_last_year' || method === 'school_year_baseline'
  )
}
