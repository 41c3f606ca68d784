// Centre line and control limits of one phase, for each chart type, following qicharts2's
// qic.run / qic.i / qic.t / qic.p / qic.pp / qic.u / qic.up / qic.c / qic.g (helper.functions.R).
//
// Columns (one entry per point of the whole series; a phase is the range [start, end)):
//   value  the plotted value before `multiply` (R's x$y): y / n with a denominator, y without;
//          NaN when missing. The c and t charts rewrite it (c: the numerator; t: back-transformed).
//   ySum   the numerator (R's y.sum); NaN when missing.
//   n      the denominator; 0 for a missing point when the series has denominators (R sums an NA
//          denominator with na.rm = TRUE), NaN when the series has none.
//   isBase 1 for points used to compute the centre line and limits: in the baseline (freeze) and
//          not excluded.
// The results are written, unmultiplied, into centre / lower / upper for every point of the phase.

import type { ChartType } from '../chart-types.ts'
import { AccurateSum } from '../numeric/accurate-sum.ts'
import { medianOfScratch, medianScratch } from '../numeric/median.ts'

export interface SeriesColumns {
  value: Float64Array
  ySum: Float64Array
  n: Float64Array
  isBase: Uint8Array
}

export interface LimitColumns {
  centre: Float64Array
  lower: Float64Array
  upper: Float64Array
}

/** Upper limit for a moving range, relative to the average moving range (Nelson 1982). */
const MOVING_RANGE_SCREEN_FACTOR = 3.267
/** d2 for subgroups of 2: sigma = average moving range / 1.128. */
const D2 = 1.128
/** qicharts2's t chart transforms times between events with y^(1 / 3.6) (Nelson). */
const T_CHART_POWER = 3.6

const accumulator = new AccurateSum()
const secondAccumulator = new AccurateSum()

function baseMean(values: Float64Array, isBase: Uint8Array, start: number, end: number): number {
  accumulator.reset()
  for (let i = start; i < end; i++) if (isBase[i] === 1) accumulator.add(values[i] as number)
  return accumulator.mean()
}

function baseMedian(values: Float64Array, isBase: Uint8Array, start: number, end: number): number {
  const work = medianScratch(end - start)
  let count = 0
  for (let i = start; i < end; i++) {
    const value = values[i] as number
    if (isBase[i] === 1 && !Number.isNaN(value)) work[count++] = value
  }
  return medianOfScratch(work, count)
}

/** sum(ySum[base]) / sum(n[base]), both with missing values removed (p and u centre lines). */
function baseRatio(columns: SeriesColumns, start: number, end: number): number {
  accumulator.reset()
  secondAccumulator.reset()
  const { ySum, n, isBase } = columns
  for (let i = start; i < end; i++) {
    if (isBase[i] !== 1) continue
    accumulator.add(ySum[i] as number)
    secondAccumulator.add(n[i] as number)
  }
  return accumulator.sum() / secondAccumulator.sum()
}

/**
 * Average moving range of the baseline sequence `deviation(i)` (i over base points in order),
 * optionally after dropping moving ranges at or above 3.267 × the first average (qicharts2 with
 * option qic.screenedmr = TRUE, which library(qicharts2) sets). A missing value makes the two
 * moving ranges next to it missing; excluded points are simply left out of the sequence.
 */
export function averageMovingRange(
  deviation: (index: number) => number,
  isBase: Uint8Array,
  start: number,
  end: number,
  screen: boolean,
): number {
  accumulator.reset()
  let previous = Number.NaN
  let hasPrevious = false
  for (let i = start; i < end; i++) {
    if (isBase[i] !== 1) continue
    const current = deviation(i)
    if (hasPrevious) accumulator.add(Math.abs(current - previous))
    previous = current
    hasPrevious = true
  }
  const average = accumulator.mean()
  if (!screen) return average
  const limit = MOVING_RANGE_SCREEN_FACTOR * average
  accumulator.reset()
  previous = Number.NaN
  hasPrevious = false
  for (let i = start; i < end; i++) {
    if (isBase[i] !== 1) continue
    const current = deviation(i)
    if (hasPrevious) {
      const range = Math.abs(current - previous)
      if (range < limit) accumulator.add(range)
    }
    previous = current
    hasPrevious = true
  }
  return accumulator.mean()
}

function fillConstant(target: Float64Array, value: number, start: number, end: number): void {
  target.fill(value, start, end)
}

function individuals(
  values: Float64Array,
  isBase: Uint8Array,
  start: number,
  end: number,
  limits: LimitColumns,
  screen: boolean,
): void {
  const centre = baseMean(values, isBase, start, end)
  // qicharts2 takes the moving ranges of (y - cl), not of y; the results can differ in the last bit
  const averageRange = averageMovingRange((i) => (values[i] as number) - centre, isBase, start, end, screen)
  const sigma = averageRange / D2
  fillConstant(limits.centre, centre, start, end)
  fillConstant(limits.lower, centre - 3 * sigma, start, end)
  fillConstant(limits.upper, centre + 3 * sigma, start, end)
}

function timeBetweenEvents(
  columns: SeriesColumns,
  start: number,
  end: number,
  limits: LimitColumns,
  screen: boolean,
): void {
  const { value, isBase } = columns
  for (let i = start; i < end; i++) value[i] = (value[i] as number) ** (1 / T_CHART_POWER)
  individuals(value, isBase, start, end, limits, screen)
  for (let i = start; i < end; i++) {
    value[i] = (value[i] as number) ** T_CHART_POWER
    limits.centre[i] = (limits.centre[i] as number) ** T_CHART_POWER
    limits.upper[i] = (limits.upper[i] as number) ** T_CHART_POWER
    const lower = (limits.lower[i] as number) ** T_CHART_POWER
    // a negative transformed limit gives NaN (negative base, fractional power): qicharts2 uses 0
    limits.lower[i] = lower < 0 || Number.isNaN(lower) ? 0 : lower
  }
}

/** Laney's sigma_z: average moving range of the baseline z-scores / 1.128. */
function laneySigmaZ(
  columns: SeriesColumns,
  centre: number,
  sigmaAt: (index: number) => number,
  start: number,
  end: number,
  screen: boolean,
): number {
  const { value, isBase } = columns
  const deviation = (i: number) => ((value[i] as number) - centre) / sigmaAt(i)
  return averageMovingRange(deviation, isBase, start, end, screen) / D2
}

/** Binomial (p) or Poisson (u) sigma of one point before Laney's adjustment. */
function attributeSigma(kind: 'p' | 'u', centre: number, n: Float64Array): (index: number) => number {
  return kind === 'p'
    ? (i: number) => Math.sqrt((centre * (1 - centre)) / (n[i] as number))
    : (i: number) => Math.sqrt(centre / (n[i] as number))
}

/**
 * Centre line (Σy / Σn over the base points) and Laney's sigma_z of the phase [start, end) of a p or
 * u series: exactly the factor by which the pp / up chart widens the p / u limits.
 */
export function laneyPhaseSigmaZ(
  kind: 'p' | 'u',
  columns: SeriesColumns,
  start: number,
  end: number,
  screen: boolean,
): { centre: number; sigmaZ: number } {
  const centre = baseRatio(columns, start, end)
  const sigmaZ = laneySigmaZ(columns, centre, attributeSigma(kind, centre, columns.n), start, end, screen)
  return { centre, sigmaZ }
}

function proportions(
  columns: SeriesColumns,
  start: number,
  end: number,
  limits: LimitColumns,
  isLaney: boolean,
  screen: boolean,
): void {
  const centre = baseRatio(columns, start, end)
  const sigmaAt = attributeSigma('p', centre, columns.n)
  const sigmaZ = isLaney ? laneySigmaZ(columns, centre, sigmaAt, start, end, screen) : 1
  for (let i = start; i < end; i++) {
    const sigma = isLaney ? sigmaAt(i) * sigmaZ : sigmaAt(i)
    let upper = centre + 3 * sigma
    let lower = centre - 3 * sigma
    if (upper > 1 && Number.isFinite(upper)) upper = 1
    if (lower < 0 && Number.isFinite(lower)) lower = 0
    limits.centre[i] = centre
    limits.upper[i] = upper
    limits.lower[i] = lower
  }
}

function rates(
  columns: SeriesColumns,
  start: number,
  end: number,
  limits: LimitColumns,
  isLaney: boolean,
  screen: boolean,
): void {
  const centre = baseRatio(columns, start, end)
  const sigmaAt = attributeSigma('u', centre, columns.n)
  const sigmaZ = isLaney ? laneySigmaZ(columns, centre, sigmaAt, start, end, screen) : 1
  for (let i = start; i < end; i++) {
    const sigma = isLaney ? sigmaAt(i) * sigmaZ : sigmaAt(i)
    let lower = centre - 3 * sigma
    if (lower < 0 && Number.isFinite(lower)) lower = 0
    limits.centre[i] = centre
    limits.upper[i] = centre + 3 * sigma
    limits.lower[i] = lower
  }
}

function counts(columns: SeriesColumns, start: number, end: number, limits: LimitColumns): void {
  const { value, ySum, isBase } = columns
  // the c chart plots the numerator itself, even when denominators are given
  for (let i = start; i < end; i++) value[i] = ySum[i] as number
  const centre = baseMean(value, isBase, start, end)
  const sigma = Math.sqrt(centre)
  let lower = centre - 3 * sigma
  if (lower < 0 && Number.isFinite(lower)) lower = 0
  fillConstant(limits.centre, centre, start, end)
  fillConstant(limits.upper, centre + 3 * sigma, start, end)
  fillConstant(limits.lower, lower, start, end)
}

function opportunitiesBetweenEvents(
  columns: SeriesColumns,
  start: number,
  end: number,
  limits: LimitColumns,
): void {
  const { value, isBase } = columns
  // limits from the mean (geometric distribution), centre line drawn at the median
  const mean = baseMean(value, isBase, start, end)
  const sigma = Math.sqrt(mean * (mean + 1))
  let lower = mean - 3 * sigma
  if (lower < 0) lower = 0
  fillConstant(limits.upper, mean + 3 * sigma, start, end)
  fillConstant(limits.lower, lower, start, end)
  fillConstant(limits.centre, baseMedian(value, isBase, start, end), start, end)
}

function runChart(columns: SeriesColumns, start: number, end: number, limits: LimitColumns): void {
  fillConstant(limits.centre, baseMedian(columns.value, columns.isBase, start, end), start, end)
  fillConstant(limits.lower, Number.NaN, start, end)
  fillConstant(limits.upper, Number.NaN, start, end)
}

/** Computes centre line and limits of the phase [start, end) into `limits` (before multiply). */
export function computePhaseLimits(
  chart: ChartType,
  columns: SeriesColumns,
  start: number,
  end: number,
  limits: LimitColumns,
  screenMovingRanges: boolean,
): void {
  switch (chart) {
    case 'run':
      runChart(columns, start, end, limits)
      return
    case 'i':
      individuals(columns.value, columns.isBase, start, end, limits, screenMovingRanges)
      return
    case 't':
      timeBetweenEvents(columns, start, end, limits, screenMovingRanges)
      return
    case 'p':
      proportions(columns, start, end, limits, false, screenMovingRanges)
      return
    case 'pp':
      proportions(columns, start, end, limits, true, screenMovingRanges)
      return
    case 'u':
      rates(columns, start, end, limits, false, screenMovingRanges)
      return
    case 'up':
      rates(columns, start, end, limits, true, screenMovingRanges)
      return
    case 'c':
      counts(columns, start, end, limits)
      return
    case 'g':
      opportunitiesBetweenEvents(columns, start, end, limits)
      return
  }
}
