import { Paper } from '@mantine/core'
import { composeAimStatement, type MeasureUnit } from '@pdsa/domain'
import { Text } from '~/components/Text'
import type { GoalFormOptions, GoalFormValues } from './goal-form-values'
import { toNumber } from './goal-form-values'

/** The aim statement composed from the form as it is now, updated as the user types. */
export function AimPreview({ values, options }: { values: GoalFormValues; options: GoalFormOptions }) {
  const measure = options.measures.find((m) => m.id === values.measureId)
  const focal = options.studentGroups.find((g) => g.id === values.focalGroupId)
  const reference = options.studentGroups.find((g) => g.id === values.referenceGroupId)
  const baseline = toNumber(values.baselineValue)
  const target = toNumber(values.targetValue)
  const ready = measure && focal && baseline !== null && target !== null && values.targetDate
  const text = ready
    ? composeAimStatement({
        measureName: measure.name,
        unit: measure.unit as MeasureUnit,
        higherIsBetter: measure.higherIsBetter,
        focalGroupName: focal.name,
        scopeName: options.school.name,
        referenceKind: values.referenceKind,
        referenceGroupName: reference?.name ?? null,
        baselineValue: baseline,
        targetValue: target,
        targetDate: values.targetDate ?? '',
        baselineGap: toNumber(values.baselineGap),
        targetGap: toNumber(values.targetGap),
      })
    : null
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" aria-live="polite">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        Aim statement preview
      </Text>
      {text ? (
        <Text size="sm">{text}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          Choose the measure and focal group, and enter the baseline, target and target date to see the aim
          statement.
        </Text>
      )}
    </Paper>
  )
}
