import { describe, expect, it } from 'vitest'
import { ALIGNMENT_FINDING_KINDS, gradeFinding, targetDirection } from './alignment.ts'

describe('targetDirection', () => {
  it('follows the measure’s better direction', () => {
    expect(targetDirection({ baselineValue: 24, targetValue: 15, higherIsBetter: false })).toBe('improves')
    expect(targetDirection({ baselineValue: 7.7, targetValue: 24, higherIsBetter: false })).toBe('worsens')
    expect(targetDirection({ baselineValue: 60, targetValue: 70, higherIsBetter: true })).toBe('improves')
    expect(targetDirection({ baselineValue: 60, targetValue: 50, higherIsBetter: true })).toBe('worsens')
    expect(targetDirection({ baselineValue: 10, targetValue: 10, higherIsBetter: true })).toBe('holds')
  })
})

describe('gradeFinding', () => {
  it('grades a wrong-way target and a district goal nobody works on high', () => {
    expect(gradeFinding({ kind: 'goal_target_wrong_direction' })).toBe('high')
    expect(gradeFinding({ kind: 'district_goal_without_goals' })).toBe('high')
  })

  it('grades an unnamed gap high only when it is severe (≥ 3× and ≥ 5 points)', () => {
    expect(gradeFinding({ kind: 'group_gap_unnamed', riskRatio: 3, difference: 5 })).toBe('high')
    expect(gradeFinding({ kind: 'group_gap_unnamed', riskRatio: null, difference: 6 })).toBe('high')
    expect(gradeFinding({ kind: 'group_gap_unnamed', riskRatio: 2.9, difference: 12 })).toBe('medium')
    expect(gradeFinding({ kind: 'group_gap_unnamed', riskRatio: 8, difference: 4.9 })).toBe('medium')
    expect(gradeFinding({ kind: 'group_gap_unnamed', riskRatio: 2, difference: 2 })).toBe('medium')
  })

  it('grades alignment gaps medium and housekeeping low', () => {
    expect(gradeFinding({ kind: 'goal_unaligned' })).toBe('medium')
    expect(gradeFinding({ kind: 'district_goal_without_active_cycle' })).toBe('medium')
    expect(gradeFinding({ kind: 'goal_without_active_cycle' })).toBe('low')
    expect(gradeFinding({ kind: 'cycle_without_measure' })).toBe('low')
  })

  it('keeps high rare: of one finding of every kind with a typical (non-severe) gap, at most a third is high', () => {
    const grades = ALIGNMENT_FINDING_KINDS.map((kind) =>
      gradeFinding({ kind, riskRatio: 2.4, difference: 3 }),
    )
    expect(grades.filter((g) => g === 'high').length).toBeLessThanOrEqual(Math.floor(grades.length / 3))
  })
})
