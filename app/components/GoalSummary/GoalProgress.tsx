import { Progress } from '@mantine/core'
import {
  formatIsoDate,
  formatMeasureValue,
  type GoalProgressReading,
  type MeasureUnit,
  readGoalProgress,
} from '@pdsa/domain'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { RouterOutputs } from '~/lib/types'

type Goal = RouterOutputs['goal']['byId']

/** The sentence for a progress reading (ADR 025): a share only when it means something. */
function describeReading(reading: GoalProgressReading, unit: MeasureUnit): string {
  switch (reading.kind) {
    case 'progress':
      return `${Math.round(reading.share)}% of the way to the target.`
    case 'target_reached':
      return 'At or past the target.'
    case 'worse_than_baseline':
      return 'Worse than the baseline.'
    case 'baseline_disagrees':
      return `Progress is not shown: the recorded baseline differs from the data (${formatMeasureValue(reading.dataBaseline, unit)} in the baseline year). Edit the goal to correct the baseline.`
    case 'target_worse_than_baseline':
      return 'Progress is not shown: the target is on the worse side of the baseline for this measure.'
    case 'target_equals_baseline':
    case 'no_data':
      return ''
  }
}

/** Baseline → target with the latest value of the focal group between them (the full chart comes later). */
export function GoalProgress({ goal }: { goal: Goal }) {
  const unit = goal.measure.unit as MeasureUnit
  const latest = goal.latest
  const reading = readGoalProgress({
    baseline: goal.baselineValue,
    target: goal.targetValue,
    latest: latest?.value ?? null,
    higherIsBetter: goal.measure.higherIsBetter,
    dataBaseline: goal.data.baseline?.value ?? null,
  })
  const share = reading.kind === 'progress' ? reading.share : reading.kind === 'target_reached' ? 100 : null
  const label =
    share === null ? 'No progress to show yet' : `${Math.round(share)}% of the way from baseline to target`
  const source = goal.baselineSource
  const sourceText =
    source?.kind === 'data'
      ? `From data: median of ${source.points} points, ${formatIsoDate(source.from, 'short')} – ${formatIsoDate(source.to, 'short')}`
      : source?.kind === 'manual'
        ? 'Entered by hand'
        : null
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          <Text span c="dimmed">
            Baseline{' '}
          </Text>
          <Text span fw={650}>
            {formatMeasureValue(goal.baselineValue, unit)}
          </Text>{' '}
          <Text span c="dimmed" size="xs">
            ({formatIsoDate(goal.baselineDate, 'short')}
            {sourceText ? ` · ${sourceText}` : ''})
          </Text>
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            Target{' '}
          </Text>
          <Text span fw={650}>
            {formatMeasureValue(goal.targetValue, unit)}
          </Text>{' '}
          <Text span c="dimmed" size="xs">
            by {formatIsoDate(goal.targetDate, 'short')}
          </Text>
        </Text>
      </Group>
      {share === null ? null : <Progress value={share} size="lg" aria-label={label} />}
      <Text size="sm" c="dimmed">
        {latest === null
          ? `No data yet for ${goal.focalGroup.name} on this measure.`
          : latest.suppressed
            ? `Latest value (${formatIsoDate(latest.period, 'short')}) hidden: fewer than ${latest.threshold} students.`
            : `Latest: ${formatMeasureValue(latest.value, unit)} (${formatIsoDate(latest.period, 'short')}). ${describeReading(reading, unit)}`}
      </Text>
      {goal.data.gap && !goal.data.gap.adverse ? (
        <Text size="sm" c="orange.9" role="note">
          {goal.data.gap.message}
        </Text>
      ) : null}
    </Stack>
  )
}
