import { describe, expect, it } from 'vitest'
import { baselineAgreesWithData, isAdverseGap, medianOfValues, readGoalProgress } from './goal-data.ts'

describe('medianOfValues', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(medianOfValues([])).toBeNull()
    expect(medianOfValues([3, 1, 2])).toBe(2)
    expect(medianOfValues([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('isAdverseGap', () => {
  it('follows the measure direction', () => {
    // Chronic absence (lower is better): the focal group above the reference is worse off.
    expect(isAdverseGap(3.1, false)).toBe(true)
    expect(isAdverseGap(-1.2, false)).toBe(false)
    // Attendance (higher is better): below the reference is worse off.
    expect(isAdverseGap(-2, true)).toBe(true)
    expect(isAdverseGap(2, true)).toBe(false)
    expect(isAdverseGap(0, true)).toBe(false)
  })
})

describe('readGoalProgress', () => {
  const base = { higherIsBetter: false, dataBaseline: null }
  it('does not claim progress when the typed baseline disagrees with the data (24 % typed, 7.7 % in the data)', () => {
    expect(readGoalProgress({ ...base, baseline: 24, target: 20, latest: 7.7, dataBaseline: 7.7 })).toEqual({
      kind: 'baseline_disagrees',
      dataBaseline: 7.7,
    })
    expect(baselineAgreesWithData(24, 23, 20)).toBe(true)
    expect(baselineAgreesWithData(24, 21.9, 20)).toBe(false)
  })
  it('says reached and worse in words, a share only in between', () => {
    expect(readGoalProgress({ ...base, baseline: 24, target: 20, latest: 19 })).toEqual({
      kind: 'target_reached',
    })
    expect(readGoalProgress({ ...base, baseline: 24, target: 20, latest: 25 })).toEqual({
      kind: 'worse_than_baseline',
    })
    expect(readGoalProgress({ ...base, baseline: 24, target: 20, latest: 23 })).toEqual({
      kind: 'progress',
      share: 25,
    })
    expect(readGoalProgress({ ...base, baseline: 24, target: 20, latest: null })).toEqual({ kind: 'no_data' })
  })
  it('refuses a target on the wrong side of the baseline, in the measure direction', () => {
    expect(readGoalProgress({ ...base, baseline: 20, target: 24, latest: 22 })).toEqual({
      kind: 'target_worse_than_baseline',
    })
    expect(readGoalProgress({ ...base, higherIsBetter: true, baseline: 20, target: 24, latest: 22 })).toEqual(
      {
        kind: 'progress',
        share: 50,
      },
    )
    expect(readGoalProgress({ ...base, baseline: 20, target: 20, latest: 22 })).toEqual({
      kind: 'target_equals_baseline',
    })
  })
})
