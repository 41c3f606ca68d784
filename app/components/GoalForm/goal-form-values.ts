import type { GoalStatus, ReferenceKind } from '@pdsa/domain'
import type { RouterInputs, RouterOutputs } from '~/lib/types'

export type GoalDetail = RouterOutputs['goal']['byId']
export type GoalFormOptions = RouterOutputs['goal']['formOptions']

/** NumberInput gives '' when empty. */
type NumberField = number | string

export interface GoalFormValues {
  title: string
  useCustomAim: boolean
  aimStatement: string
  measureId: string | null
  focalGroupId: string | null
  referenceKind: ReferenceKind
  referenceGroupId: string | null
  baselineValue: NumberField
  baselineDate: string | null
  targetValue: NumberField
  targetDate: string | null
  baselineGap: NumberField
  targetGap: NumberField
  districtGoalIds: string[]
  status: GoalStatus
}

export function initialGoalValues(goal?: GoalDetail): GoalFormValues {
  if (!goal) {
    return {
      title: '',
      useCustomAim: false,
      aimStatement: '',
      measureId: null,
      focalGroupId: null,
      referenceKind: 'all_other_students',
      referenceGroupId: null,
      baselineValue: '',
      baselineDate: null,
      targetValue: '',
      targetDate: null,
      baselineGap: '',
      targetGap: '',
      districtGoalIds: [],
      status: 'active',
    }
  }
  const custom = goal.aimStatement !== goal.composedAimStatement
  return {
    title: goal.title,
    useCustomAim: custom,
    aimStatement: custom ? goal.aimStatement : '',
    measureId: goal.measure.id,
    focalGroupId: goal.focalGroup.id,
    referenceKind: goal.referenceKind,
    referenceGroupId: goal.referenceGroup?.id ?? null,
    baselineValue: goal.baselineValue,
    baselineDate: goal.baselineDate,
    targetValue: goal.targetValue,
    targetDate: goal.targetDate,
    baselineGap: goal.baselineGap ?? '',
    targetGap: goal.targetGap ?? '',
    districtGoalIds: goal.districtGoals.map((d) => d.id),
    status: goal.status,
  }
}

export const toNumber = (v: NumberField): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== ''
      ? Number(v)
      : null

/**
 * The procedure input. Required fields left empty are sent as they are ('' / NaN), so the server's
 * schema names them; the form's own checks catch most of them first.
 */
export function toGoalInput(v: GoalFormValues) {
  const gapsApply = v.referenceKind !== 'fixed_target'
  return {
    title: v.title,
    aimStatement: v.useCustomAim ? v.aimStatement : '',
    measureId: v.measureId ?? '',
    focalGroupId: v.focalGroupId ?? '',
    referenceKind: v.referenceKind,
    referenceGroupId: v.referenceKind === 'named_group' ? v.referenceGroupId : null,
    baselineValue: toNumber(v.baselineValue) ?? Number.NaN,
    baselineDate: v.baselineDate ?? '',
    targetValue: toNumber(v.targetValue) ?? Number.NaN,
    targetDate: v.targetDate ?? '',
    baselineGap: gapsApply ? toNumber(v.baselineGap) : null,
    targetGap: gapsApply ? toNumber(v.targetGap) : null,
    districtGoalIds: v.districtGoalIds,
    status: v.status,
  } satisfies Omit<RouterInputs['goal']['create'], 'schoolId' | 'teamId'>
}

export function validateGoalValues(v: GoalFormValues): Partial<Record<keyof GoalFormValues, string>> {
  const errors: Partial<Record<keyof GoalFormValues, string>> = {}
  if (!v.title.trim()) errors.title = 'Give the goal a short title.'
  if (!v.measureId) errors.measureId = 'Choose the measure that shows improvement.'
  if (!v.focalGroupId) errors.focalGroupId = 'Choose the students this goal is for.'
  if (v.referenceKind === 'named_group' && !v.referenceGroupId)
    errors.referenceGroupId = 'Choose the group to compare with.'
  if (toNumber(v.baselineValue) === null) errors.baselineValue = 'Enter the baseline value.'
  if (!v.baselineDate) errors.baselineDate = 'Enter the date of the baseline.'
  if (toNumber(v.targetValue) === null) errors.targetValue = 'Enter the target value.'
  if (!v.targetDate) errors.targetDate = 'Enter the target date.'
  if (v.useCustomAim && !v.aimStatement.trim())
    errors.aimStatement = 'Write the aim statement, or use the composed one.'
  return errors
}
