// Prediction calibration: how often a team's quantified predictions matched the results, a sign that
// the team's theory of the system is getting better (a team that learns predicts better over time).
import type { MeasureUnit } from '@pdsa/domain'

/** A point prediction matches when the result is within this share of the predicted value… */
export const CALIBRATION_RELATIVE_TOLERANCE = 0.1
/** …or within this many units, whichever is wider (so small predicted values are not judged to a hair). */
export const CALIBRATION_ABSOLUTE_TOLERANCE: Record<MeasureUnit, number> = {
  percent: 1, // one percentage point
  count: 1,
  days: 1,
  score: 1,
  rate: 0, // rates are often fractions (0.4 referrals per 100 students a day): only the 10% rule
}

export const CALIBRATION_RULE =
  'A quantified prediction matched when the result falls inside the predicted range, or within ±10% of the predicted value (at least ±1 unit: 1 percentage point, 1 day, 1 point, 1 student).'

export interface QuantifiedQuestion {
  predictedValue: number | null
  predictedMin: number | null
  predictedMax: number | null
  resultValue: number | null
  unit: MeasureUnit | null
}

/** Whether a question has a quantified prediction and a result (null: it does not count). */
export function predictionMatched(q: QuantifiedQuestion): boolean | null {
  if (q.resultValue === null) return null
  const result = q.resultValue
  if (q.predictedMin !== null || q.predictedMax !== null) {
    const low = q.predictedMin ?? Number.NEGATIVE_INFINITY
    const high = q.predictedMax ?? Number.POSITIVE_INFINITY
    return result >= Math.min(low, high) && result <= Math.max(low, high)
  }
  if (q.predictedValue === null) return null
  const floor = q.unit ? CALIBRATION_ABSOLUTE_TOLERANCE[q.unit] : 0
  const tolerance = Math.max(Math.abs(q.predictedValue) * CALIBRATION_RELATIVE_TOLERANCE, floor)
  // A tiny epsilon so that a result exactly on the tolerance edge counts despite floating-point noise.
  return Math.abs(result - q.predictedValue) <= tolerance + 1e-9
}

export interface Calibration {
  /** Quantified predictions with a result. */
  total: number
  matched: number
  /** matched / total, null when there is nothing to judge. */
  share: number | null
}

export function calibrationOf(questions: readonly QuantifiedQuestion[]): Calibration {
  let total = 0
  let matched = 0
  for (const q of questions) {
    const m = predictionMatched(q)
    if (m === null) continue
    total += 1
    if (m) matched += 1
  }
  return { total, matched, share: total === 0 ? null : matched / total }
}
