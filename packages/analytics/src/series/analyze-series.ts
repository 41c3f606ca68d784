// Series analysis: centre line, control limits, sigma signals, Anhøj runs analysis and IHI rules,
// per phase, exactly as qicharts2's qic() computes them (see README "Semantics").

import { CHART_TYPES_REQUIRING_DENOMINATOR, type ChartType, isChartType } from '../chart-types.ts'
import { ScratchFloat64, ScratchUint8 } from '../numeric/scratch-buffer.ts'
import { computePhaseLimits, type LimitColumns, type SeriesColumns } from './control-limits.ts'
import {
  analyzeRunsInRange,
  findShiftsInRange,
  findTrendsInRange,
  type IhiSignal,
  type RunsAnalysis,
} from './runs-analysis.ts'

export interface SeriesInput {
  chart: ChartType
  /** Values in time order, or numerators when `n` is given. null or NaN marks a missing value. */
  y: ArrayLike<number | null>
  /**
   * Denominators, same length as `y`. When given, the plotted value is y / n (the c chart plots y).
   * A point whose y or n is missing is a missing point (qicharts2 uses complete cases only).
   */
  n?: ArrayLike<number | null> | undefined
  /**
   * qicharts2 `freeze`: the first `freeze` points are the baseline from which the centre line and
   * limits are computed; the later points are plotted against them. Ignored when `part` is given,
   * as in qicharts2.
   */
  freeze?: number | undefined
  /**
   * qicharts2 `part`: a new phase starts after each of these 1-based positions, i.e. at these 0-based
   * indices. Every phase gets its own centre line, limits and runs analysis.
   */
  part?: readonly number[] | undefined
  /** 0-based indices of points left out of centre line, limits, runs analysis and IHI rules. */
  excludedIndices?: readonly number[] | undefined
  /** Multiplies values, centre line and limits (e.g. 100 for percent). Default 1. */
  multiply?: number | undefined
  /**
   * Drop moving ranges above 3.267 × their average before computing i / t limits and the Laney
   * sigma_z of pp / up charts. Default true: qicharts2's behaviour once library(qicharts2) is loaded.
   */
  screenMovingRanges?: boolean | undefined
}

export interface PhaseAnalysis {
  /** 1-based phase number, as qicharts2's `part` column. */
  phase: number
  /** 0-based index of the first point of the phase. */
  start: number
  /** 0-based index one past the last point of the phase. */
  end: number
  runs: RunsAnalysis
  /** IHI shift (≥ 6 on one side) and trend (≥ 5 up or down) signals within the phase. */
  ihiSignals: IhiSignal[]
}

/**
 * Column-oriented result (typed arrays, one entry per point in time order) so that a million points
 * cost a few arrays rather than a million objects. NaN means "does not exist" (missing value, no
 * limit). Use `seriesAnalysisPoints()` for an array of plain objects with nulls.
 */
export interface SeriesAnalysis {
  chart: ChartType
  length: number
  multiply: number
  /** Plotted value × multiply; NaN when missing. */
  values: Float64Array
  /** Centre line × multiply; NaN when it cannot be computed (e.g. no baseline value in the phase). */
  centreLine: Float64Array
  /** Lower control limit × multiply; NaN for run charts and when not finite. */
  lowerLimit: Float64Array
  /** Upper control limit × multiply; NaN for run charts and when not finite. */
  upperLimit: Float64Array
  /** 1 when the value lies outside the control limits (excluded points included, as qicharts2). */
  sigmaSignal: Uint8Array
  /** 1-based phase of each point. */
  phase: Uint32Array
  /** 1 for points in the baseline window (the first `freeze` points; all points without freeze). */
  isBaseline: Uint8Array
  /** 1 for excluded points. */
  isExcluded: Uint8Array
  phases: PhaseAnalysis[]
}

export interface SeriesIssue {
  /** Input field the issue is about. */
  field: 'chart' | 'y' | 'n' | 'freeze' | 'part' | 'excludedIndices' | 'multiply'
  /** 0-based point index (for y / n issues) or position in the array (for part / excludedIndices). */
  index?: number
  message: string
}

export type SeriesResult = { ok: true; analysis: SeriesAnalysis } | { ok: false; issues: SeriesIssue[] }

export interface SeriesPoint {
  index: number
  value: number | null
  cl: number | null
  lcl: number | null
  ucl: number | null
  sigmaSignal: boolean
  phase: number
  isExcluded: boolean
  isBaseline: boolean
}

const MAX_ISSUES = 20

const numeratorScratch = new ScratchFloat64()
const denominatorScratch = new ScratchFloat64()
const baseScratch = new ScratchUint8()

function toNumber(value: number | null | undefined): number {
  return value === null || value === undefined ? Number.NaN : value
}

/**
 * Checks the values of a series (y and n, point by point) as analyzeSeries does: finite numbers,
 * denominators present where the chart needs them and not negative, counts not negative, p
 * numerators not above their denominators, t-chart times above zero. At most 20 issues.
 */
export function validateSeriesValues(
  chart: ChartType,
  y: ArrayLike<number | null>,
  n: ArrayLike<number | null> | undefined,
): SeriesIssue[] {
  const issues: SeriesIssue[] = []
  validateValues(chart, y, n, (issue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue)
  })
  return issues
}

function validateValues(
  chart: ChartType,
  yValues: ArrayLike<number | null>,
  n: ArrayLike<number | null> | undefined,
  push: (issue: SeriesIssue) => void,
): void {
  const length = yValues.length
  const needsDenominator = CHART_TYPES_REQUIRING_DENOMINATOR.includes(chart)
  if (needsDenominator && n === undefined) {
    push({ field: 'n', message: `a ${chart} chart needs a denominator n for every point` })
  }
  for (let i = 0; i < length; i++) {
    const y = yValues[i]
    const denominator = n === undefined ? undefined : n[i]
    const hasY = y !== null && y !== undefined && !Number.isNaN(y)
    const hasN = denominator !== null && denominator !== undefined && !Number.isNaN(denominator)
    if (hasY && !Number.isFinite(y))
      push({ field: 'y', index: i, message: `y must be a finite number, got ${y}` })
    if (hasN && !Number.isFinite(denominator)) {
      push({ field: 'n', index: i, message: `n must be a finite number, got ${denominator}` })
    }
    if (hasN && (denominator as number) < 0) {
      push({ field: 'n', index: i, message: `denominator must not be negative, got ${denominator}` })
    }
    if (!hasY) continue
    const yValue = y as number
    if (needsDenominator && n !== undefined && !hasN) {
      push({ field: 'n', index: i, message: `a ${chart} chart needs a denominator n where y is given` })
    }
    if (hasN && denominator === 0 && yValue !== 0) {
      push({ field: 'n', index: i, message: `y is ${yValue} but its denominator is 0` })
    }
    if ((chart === 'p' || chart === 'pp') && hasN && yValue > (denominator as number)) {
      push({
        field: 'y',
        index: i,
        message: `${chart}-chart numerator ${yValue} is above its denominator ${denominator}`,
      })
    }
    if (chart !== 'run' && chart !== 'i' && chart !== 't' && yValue < 0) {
      push({
        field: 'y',
        index: i,
        message: `a ${chart} chart counts events: y must not be negative, got ${yValue}`,
      })
    }
    // with denominators, a point without n (or 0 / 0) is missing and has no time to check
    const isMissingByDenominator = n !== undefined && (!hasN || denominator === 0)
    if (chart === 't' && yValue <= 0 && !isMissingByDenominator) {
      push({ field: 'y', index: i, message: `time between events must be greater than zero, got ${yValue}` })
    }
  }
}

function validateSeriesInput(input: SeriesInput): SeriesIssue[] {
  const issues: SeriesIssue[] = []
  const push = (issue: SeriesIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue)
  }
  if (!isChartType(input.chart)) {
    return [{ field: 'chart', message: `unknown chart type "${String(input.chart)}"` }]
  }
  const length = input.y.length
  const { n } = input
  if (n !== undefined && n.length !== length) {
    push({ field: 'n', message: `n has ${n.length} entries but y has ${length}` })
    return issues
  }
  validateValues(input.chart, input.y, n, push)
  if (input.multiply !== undefined && !(Number.isFinite(input.multiply) && input.multiply > 0)) {
    push({ field: 'multiply', message: `multiply must be a positive finite number, got ${input.multiply}` })
  }
  if (input.freeze !== undefined) {
    const { freeze } = input
    if (!Number.isInteger(freeze) || freeze < 1 || freeze > length) {
      push({ field: 'freeze', message: `freeze must be an integer from 1 to ${length}, got ${freeze}` })
    }
  }
  input.part?.forEach((position, index) => {
    if (!Number.isInteger(position) || position < 1 || position > length - 1) {
      push({
        field: 'part',
        index,
        message: `part positions must be integers from 1 to ${length - 1}, got ${position}`,
      })
    }
  })
  input.excludedIndices?.forEach((position, index) => {
    if (!Number.isInteger(position) || position < 0 || position > length - 1) {
      push({
        field: 'excludedIndices',
        index,
        message: `excluded indices must be integers from 0 to ${length - 1}, got ${position}`,
      })
    }
  })
  return issues
}

/** Phase boundaries as qicharts2's makeparts(): sorted unique starts, always including 0. */
function phaseStarts(part: readonly number[] | undefined, length: number): number[] {
  const starts = new Set<number>([0])
  for (const position of part ?? []) if (position > 0 && position < length) starts.add(position)
  return [...starts].sort((a, b) => a - b)
}

/** Analyses one series. Invalid input is an expected outcome and comes back as `{ ok: false }`. */
export function analyzeSeries(input: SeriesInput): SeriesResult {
  const issues = validateSeriesInput(input)
  if (issues.length > 0) return { ok: false, issues }

  const { chart } = input
  const length = input.y.length
  const multiply = input.multiply ?? 1
  const hasDenominators = input.n !== undefined
  const screen = input.screenMovingRanges ?? true
  const isPartGiven = input.part !== undefined && input.part.length > 0
  // qicharts2: freeze is ignored when part is given
  const freeze = input.freeze === undefined || isPartGiven ? length : input.freeze

  // value becomes the result's `values`; the other columns are working arrays of this call only
  const columns: SeriesColumns = {
    value: new Float64Array(length),
    ySum: numeratorScratch.take(length),
    n: denominatorScratch.take(length),
    isBase: baseScratch.take(length),
  }
  const isExcluded = new Uint8Array(length)
  for (const index of input.excludedIndices ?? []) isExcluded[index] = 1
  const isBaseline = new Uint8Array(length)
  isBaseline.fill(1, 0, freeze)

  for (let i = 0; i < length; i++) {
    const y = toNumber(input.y[i])
    if (hasDenominators) {
      const denominator = toNumber((input.n as ArrayLike<number | null>)[i])
      const isComplete = !Number.isNaN(y) && !Number.isNaN(denominator)
      columns.ySum[i] = isComplete ? y : Number.NaN
      columns.n[i] = isComplete ? denominator : 0
      // R: sum(y) / sum(n) per subgroup; 0 / 0 is NaN (missing)
      columns.value[i] = isComplete ? y / denominator : Number.NaN
    } else {
      columns.ySum[i] = y
      columns.n[i] = Number.NaN
      columns.value[i] = y
    }
    columns.isBase[i] = i < freeze && isExcluded[i] === 0 ? 1 : 0
  }

  const limits: LimitColumns = {
    centre: new Float64Array(length),
    lower: new Float64Array(length),
    upper: new Float64Array(length),
  }
  const phase = new Uint32Array(length)
  const starts = phaseStarts(input.part, length)
  const phases: PhaseAnalysis[] = []
  for (let p = 0; p < starts.length; p++) {
    const start = starts[p] as number
    const end = p + 1 < starts.length ? (starts[p + 1] as number) : length
    phase.fill(p + 1, start, end)
    computePhaseLimits(chart, columns, start, end, limits, screen)
    // runs analysis and IHI rules use the unmultiplied values, as qicharts2 does
    phases.push({
      phase: p + 1,
      start,
      end,
      runs: analyzeRunsInRange(columns.value, limits.centre, start, end, isExcluded),
      ihiSignals: [
        ...findShiftsInRange(columns.value, limits.centre, start, end, isExcluded),
        ...findTrendsInRange(columns.value, start, end, isExcluded),
      ],
    })
  }

  const { value } = columns
  const { centre, lower, upper } = limits
  const sigmaSignal = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    const plotted = (value[i] as number) * multiply
    const lowerLimit = (lower[i] as number) * multiply
    const upperLimit = (upper[i] as number) * multiply
    value[i] = plotted
    centre[i] = (centre[i] as number) * multiply
    // qicharts2 removes non-finite limits (missing subgroups: a zero denominator gives Inf)
    lower[i] = Number.isFinite(lowerLimit) ? lowerLimit : Number.NaN
    upper[i] = Number.isFinite(upperLimit) ? upperLimit : Number.NaN
    sigmaSignal[i] = plotted > (upper[i] as number) || plotted < (lower[i] as number) ? 1 : 0
  }

  return {
    ok: true,
    analysis: {
      chart,
      length,
      multiply,
      values: value,
      centreLine: centre,
      lowerLimit: lower,
      upperLimit: upper,
      sigmaSignal,
      phase,
      isBaseline,
      isExcluded,
      phases,
    },
  }
}

function nullIfNaN(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** The analysis as one plain object per point, with null where a value or limit does not exist. */
export function seriesAnalysisPoints(analysis: SeriesAnalysis): SeriesPoint[] {
  const points: SeriesPoint[] = new Array(analysis.length)
  for (let i = 0; i < analysis.length; i++) {
    points[i] = {
      index: i,
      value: nullIfNaN(analysis.values[i] as number),
      cl: nullIfNaN(analysis.centreLine[i] as number),
      lcl: nullIfNaN(analysis.lowerLimit[i] as number),
      ucl: nullIfNaN(analysis.upperLimit[i] as number),
      sigmaSignal: analysis.sigmaSignal[i] === 1,
      phase: analysis.phase[i] as number,
      isExcluded: analysis.isExcluded[i] === 1,
      isBaseline: analysis.isBaseline[i] === 1,
    }
  }
  return points
}
