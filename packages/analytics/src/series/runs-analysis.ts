// Anhøj runs analysis (as qicharts2's runs.analysis()) and the classic IHI run-chart rules.
//
// Both look at the points of one phase that are not excluded and not missing, in time order, and
// compare each with the centre line of that phase.

import { minimumCrossings } from '../numeric/binomial-quantile.ts'

export interface RunsAnalysis {
  /** Points not on the centre line (and not missing or excluded). */
  nUseful: number
  /** Length of the longest run of useful points on one side of the centre line; null when nUseful = 0. */
  longestRun: number | null
  /** round(log2(nUseful)) + 3; null when nUseful = 0. */
  longestRunMax: number | null
  /** Number of times the series crosses the centre line (runs − 1); null when nUseful = 0. */
  crossings: number | null
  /** 5th percentile of Binomial(nUseful − 1, 1/2); null when nUseful = 0. */
  crossingsMin: number | null
  /** longestRun > longestRunMax */
  isLongestRunSignal: boolean
  /** crossings < crossingsMin */
  isCrossingsSignal: boolean
  /** Either Anhøj rule fired: non-random variation. */
  runsSignal: boolean
}

export type IhiRule = 'shift' | 'trend'

export interface IhiSignal {
  rule: IhiRule
  /** shift: the side of the centre line; trend: the direction of travel. */
  direction: 'up' | 'down'
  /** 0-based indices (in the analysed series) of the points that make up the shift or trend. */
  pointIndices: number[]
}

/** Minimum number of points for the IHI shift rule: six or more consecutive points on one side. */
export const IHI_SHIFT_LENGTH = 6
/** Minimum number of points for the IHI trend rule: five or more points all going up or all down. */
export const IHI_TREND_LENGTH = 5

export const NO_RUNS: RunsAnalysis = Object.freeze({
  nUseful: 0,
  longestRun: null,
  longestRunMax: null,
  crossings: null,
  crossingsMin: null,
  isLongestRunSignal: false,
  isCrossingsSignal: false,
  runsSignal: false,
})

/** Anhøj limits and verdict from the three counts (qicharts2's crsignal(method = 'anhoej')). */
export function runsFromCounts(nUseful: number, longestRun: number, runCount: number): RunsAnalysis {
  if (nUseful === 0) return NO_RUNS
  const longestRunMax = Math.round(Math.log2(nUseful)) + 3
  const crossings = Math.max(runCount - 1, 0)
  const crossingsMin = minimumCrossings(nUseful)
  const isLongestRunSignal = longestRun > longestRunMax
  const isCrossingsSignal = crossings < crossingsMin
  return {
    nUseful,
    longestRun,
    longestRunMax,
    crossings,
    crossingsMin,
    isLongestRunSignal,
    isCrossingsSignal,
    runsSignal: isLongestRunSignal || isCrossingsSignal,
  }
}

/**
 * Runs analysis of values[start..end) around centreLine[i], skipping indices with skip[i] = 1
 * (excluded points), missing values (NaN) and points exactly on the centre line.
 */
export function analyzeRunsInRange(
  values: ArrayLike<number>,
  centreLine: ArrayLike<number>,
  start: number,
  end: number,
  skip?: ArrayLike<number>,
): RunsAnalysis {
  let nUseful = 0
  let runCount = 0
  let longestRun = 0
  let currentRun = 0
  let previousSide = 0
  for (let i = start; i < end; i++) {
    if (skip !== undefined && skip[i] === 1) continue
    const difference = (values[i] as number) - (centreLine[i] as number)
    // NaN (missing value or missing centre line) and 0 (on the centre line) are not useful
    if (difference === 0 || Number.isNaN(difference)) continue
    const side = difference > 0 ? 1 : -1
    nUseful++
    if (side === previousSide) {
      currentRun++
    } else {
      runCount++
      currentRun = 1
      previousSide = side
    }
    if (currentRun > longestRun) longestRun = currentRun
  }
  return runsFromCounts(nUseful, longestRun, runCount)
}

/**
 * Anhøj runs analysis of a series around a centre line (a number, or one per point).
 * Null / NaN values and values equal to the centre line are not useful observations.
 */
export function analyzeRuns(
  values: ArrayLike<number | null>,
  centreLine: number | ArrayLike<number | null>,
): RunsAnalysis {
  const length = values.length
  const numericValues = new Float64Array(length)
  const numericCentre = new Float64Array(length)
  for (let i = 0; i < length; i++) {
    numericValues[i] = values[i] ?? Number.NaN
    numericCentre[i] = typeof centreLine === 'number' ? centreLine : (centreLine[i] ?? Number.NaN)
  }
  return analyzeRunsInRange(numericValues, numericCentre, 0, length)
}

/**
 * IHI shift rule: six or more consecutive useful points on the same side of the centre line.
 * Points on the centre line neither break nor extend a shift; missing and skipped points are ignored.
 * Each maximal run of at least IHI_SHIFT_LENGTH points is reported once.
 */
export function findShiftsInRange(
  values: ArrayLike<number>,
  centreLine: ArrayLike<number>,
  start: number,
  end: number,
  skip?: ArrayLike<number>,
  minimumLength = IHI_SHIFT_LENGTH,
): IhiSignal[] {
  const shifts: IhiSignal[] = []
  let runStartIndex = -1
  let runLength = 0
  let runSide = 0
  let lastUsefulIndex = -1
  const close = () => {
    if (runLength >= minimumLength) {
      shifts.push({
        rule: 'shift',
        direction: runSide > 0 ? 'up' : 'down',
        pointIndices: usefulIndicesBetween(values, centreLine, runStartIndex, lastUsefulIndex + 1, skip),
      })
    }
  }
  for (let i = start; i < end; i++) {
    if (skip !== undefined && skip[i] === 1) continue
    const difference = (values[i] as number) - (centreLine[i] as number)
    if (difference === 0 || Number.isNaN(difference)) continue
    const side = difference > 0 ? 1 : -1
    if (side !== runSide) {
      close()
      runSide = side
      runStartIndex = i
      runLength = 0
    }
    runLength++
    lastUsefulIndex = i
  }
  close()
  return shifts
}

function usefulIndicesBetween(
  values: ArrayLike<number>,
  centreLine: ArrayLike<number>,
  start: number,
  end: number,
  skip?: ArrayLike<number>,
): number[] {
  const indices: number[] = []
  for (let i = start; i < end; i++) {
    if (skip !== undefined && skip[i] === 1) continue
    const difference = (values[i] as number) - (centreLine[i] as number)
    if (difference !== 0 && !Number.isNaN(difference)) indices.push(i)
  }
  return indices
}

/**
 * IHI trend rule: five or more consecutive points all going up or all going down.
 * "Consecutive" counts the non-missing, non-skipped points of the range in time order. A point equal
 * to the previous counted point is a tie: it neither extends nor breaks the trend (IHI: "like values
 * do not make or break a trend"); it is listed in pointIndices but not counted. The length counted is
 * the number of points with distinct values, so five points means four successive increases (or
 * decreases). Each maximal trend of at least IHI_TREND_LENGTH counted points is reported once.
 */
export function findTrendsInRange(
  values: ArrayLike<number>,
  start: number,
  end: number,
  skip?: ArrayLike<number>,
  minimumLength = IHI_TREND_LENGTH,
): IhiSignal[] {
  const trends: IhiSignal[] = []
  let direction = 0 // +1 rising, -1 falling, 0 not yet known
  let counted = 0 // distinct-valued points in the current monotone stretch
  let stretchStart = -1 // index of the first point of the current stretch
  let previousIndex = -1 // last counted point
  let previousValue = Number.NaN
  let lastIndex = -1 // last point (counted or tie) of the current stretch
  const close = () => {
    if (direction !== 0 && counted >= minimumLength) {
      const pointIndices: number[] = []
      for (let i = stretchStart; i <= lastIndex; i++) {
        if (skip !== undefined && skip[i] === 1) continue
        const value = values[i] as number
        if (!Number.isNaN(value)) pointIndices.push(i)
      }
      trends.push({ rule: 'trend', direction: direction > 0 ? 'up' : 'down', pointIndices })
    }
  }
  for (let i = start; i < end; i++) {
    if (skip !== undefined && skip[i] === 1) continue
    const value = values[i] as number
    if (Number.isNaN(value)) continue
    if (previousIndex === -1) {
      stretchStart = i
      counted = 1
      direction = 0
    } else if (value === previousValue) {
      // tie: neither makes nor breaks the trend
      lastIndex = i
      continue
    } else {
      const step = value > previousValue ? 1 : -1
      if (direction === 0 || step === direction) {
        direction = step
        counted++
      } else {
        close()
        // the turning point starts the next stretch together with the point before it
        // (previousIndex is the first point of its tie group, since ties are not counted)
        stretchStart = previousIndex
        counted = 2
        direction = step
      }
    }
    previousIndex = i
    previousValue = value
    lastIndex = i
  }
  close()
  return trends
}
