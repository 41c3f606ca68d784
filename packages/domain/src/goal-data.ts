// Goals built from the data (ADR 025): the baseline the data give (the same rule as the goal's chart:
// the median of the focal group's released points in the year before the baseline date), whether the
// focal group has an adverse gap at all, whether a recorded baseline agrees with the data, and how far a
// goal has come, said only when it means something.

/** Median of the values (null when there are none). */
export function medianOfValues(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The baseline as the data give it, rounded as the form shows it (2 decimals). */
export const roundBaseline = (value: number) => Math.round(value * 100) / 100

/** Whether the focal group is worse off than its reference (gap = focal − reference, in the measure's unit). */
export function isAdverseGap(gap: number, higherIsBetter: boolean): boolean {
  return higherIsBetter ? gap < 0 : gap > 0
}

/**
 * Whether a recorded baseline agrees with the data's: within half of the way from baseline to target
 * (and within 0.01 when baseline equals target). A baseline further off than that makes every "% of
 * the way" meaningless.
 */
export function baselineAgreesWithData(recorded: number, data: number, target: number): boolean {
  const tolerance = Math.max(Math.abs(target - recorded) / 2, 0.01)
  return Math.abs(recorded - data) <= tolerance
}

export type GoalProgressReading =
  | { kind: 'no_data' }
  | { kind: 'target_equals_baseline' }
  | { kind: 'target_worse_than_baseline' }
  | { kind: 'baseline_disagrees'; dataBaseline: number }
  | { kind: 'worse_than_baseline' }
  | { kind: 'target_reached' }
  | { kind: 'progress'; share: number }

/**
 * How far the latest value has come from the baseline toward the target, in the measure's better
 * direction. No share is given when the target points the wrong way, the recorded baseline disagrees
 * with the data, or there is no latest value; "reached" and "worse" are said in words, not as 100 % / 0 %.
 */
export function readGoalProgress(input: {
  baseline: number
  target: number
  latest: number | null
  higherIsBetter: boolean
  /** The baseline the data give (null: no data in the baseline year). */
  dataBaseline: number | null
}): GoalProgressReading {
  const { baseline, target, latest, higherIsBetter, dataBaseline } = input
  if (target === baseline) return { kind: 'target_equals_baseline' }
  if (higherIsBetter ? target < baseline : target > baseline) return { kind: 'target_worse_than_baseline' }
  if (dataBaseline !== null && !baselineAgreesWithData(baseline, dataBaseline, target)) {
    return { kind: 'baseline_disagrees', dataBaseline }
  }
  if (latest === null) return { kind: 'no_data' }
  const share = ((latest - baseline) / (target - baseline)) * 100
  if (share >= 100) return { kind: 'target_reached' }
  if (share < 0) return { kind: 'worse_than_baseline' }
  return { kind: 'progress', share }
}
