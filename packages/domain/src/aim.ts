import type { MeasureUnit, ReferenceKind } from './enums.ts'
import { formatIsoDate, formatMeasureValue } from './format.ts'

export interface AimParts {
  measureName: string
  unit: MeasureUnit
  higherIsBetter: boolean
  focalGroupName: string
  scopeName: string
  referenceKind: ReferenceKind
  referenceGroupName: string | null
  baselineValue: number
  targetValue: number
  targetDate: string
  baselineGap: number | null
  targetGap: number | null
}

function referencePhrase(p: AimParts): string {
  switch (p.referenceKind) {
    case 'all_students':
      return 'all students'
    case 'all_other_students':
      return 'all other students'
    case 'named_group':
      return p.referenceGroupName ? groupPhrase(p.referenceGroupName) : 'the comparison group'
    case 'fixed_target':
      return 'the target'
  }
}

/** "Black or African American" → "Black or African American students"; "English learners" stays. */
export function groupPhrase(name: string): string {
  return /\b(students|learners|youth|pupils|children)\b/i.test(name) ? name : `${name} students`
}

const lowerFirst = (s: string) =>
  s.length > 1 && s[1] === s[1]?.toLowerCase() ? s[0]?.toLowerCase() + s.slice(1) : s

/**
 * The aim statement in the Model for Improvement's form: how much, by when, for whom, compared with whom.
 * "By June 1, 2026, reduce chronic absence rate for Black students at Harbor Middle from 36.0% to 26.0%,
 *  and narrow the gap with all other students from 14.0 to 6.0 points."
 */
export function composeAimStatement(p: AimParts): string {
  const improving = p.higherIsBetter ? p.targetValue >= p.baselineValue : p.targetValue <= p.baselineValue
  const verb =
    p.targetValue > p.baselineValue ? 'increase' : p.targetValue < p.baselineValue ? 'reduce' : 'keep'
  const change =
    verb === 'keep'
      ? `keep ${lowerFirst(p.measureName)} for ${groupPhrase(p.focalGroupName)} at ${p.scopeName} at ${formatMeasureValue(p.baselineValue, p.unit)}`
      : `${verb} ${lowerFirst(p.measureName)} for ${groupPhrase(p.focalGroupName)} at ${p.scopeName} from ${formatMeasureValue(p.baselineValue, p.unit)} to ${formatMeasureValue(p.targetValue, p.unit)}`
  const gapUnit = p.unit === 'percent' ? ' points' : ''
  const gap =
    p.baselineGap !== null && p.targetGap !== null && p.referenceKind !== 'fixed_target'
      ? `, and narrow the gap with ${referencePhrase(p)} from ${Math.abs(p.baselineGap).toFixed(1)} to ${Math.abs(p.targetGap).toFixed(1)}${gapUnit}`
      : ''
  const warning = improving ? '' : ' (note: this target moves in the worse direction)'
  return `By ${formatIsoDate(p.targetDate)}, ${change}${gap}.${warning}`
}
