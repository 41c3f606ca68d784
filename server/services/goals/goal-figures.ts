import { type MeasureUnit, measureValueProblem } from '@pdsa/domain'
import { validation } from '../shared.ts'

interface GoalFigures {
  baselineValue: number | null
  targetValue: number | null
  baselineGap: number | null
  targetGap: number | null
}

/** Refuses a baseline, target or gap that the goal's measure cannot take (a percent of 250, a count of -3). */
export function assertGoalFiguresFit(measure: { unit: string; multiplier: number }, figures: GoalFigures) {
  const rules = { unit: measure.unit as MeasureUnit, multiplier: measure.multiplier }
  const checks = [
    ['baselineValue', figures.baselineValue, 'level'],
    ['targetValue', figures.targetValue, 'level'],
    ['baselineGap', figures.baselineGap, 'gap'],
    ['targetGap', figures.targetGap, 'gap'],
  ] as const
  for (const [field, value, kind] of checks) {
    if (value === null) continue
    const problem = measureValueProblem(value, rules, kind)
    if (problem) throw validation(field, problem)
  }
}
