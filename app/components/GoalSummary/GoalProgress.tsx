import { Group, Progress, Stack, Text } from '@mantine/core'
import { formatIsoDate, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import type { RouterOutputs } from '~/lib/types'

type Goal = RouterOutputs['goal']['byId']

/** Share of the way from baseline to target, 0–100, or null when it cannot be said. */
export function progressToward(baseline: number, target: number, latest: number): number | null {
  if (target === baseline) return null
  const share = ((latest - baseline) / (target - baseline)) * 100
  return Math.max(0, Math.min(100, share))
}

/** Baseline → target with the latest value of the focal group between them (the full chart comes later). */
export function GoalProgress({ goal }: { goal: Goal }) {
  const unit = goal.measure.unit as MeasureUnit
  const latest = goal.latest
  const share =
    latest?.value != null ? progressToward(goal.baselineValue, goal.targetValue, latest.value) : null
  const label =
    share === null ? 'No progress to show yet' : `${Math.round(share)}% of the way from baseline to target`
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
            ({formatIsoDate(goal.baselineDate, 'short')})
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
            : `Latest: ${formatMeasureValue(latest.value, unit)} (${formatIsoDate(latest.period, 'short')}). ${share === null ? '' : `${Math.round(share)}% of the way to the target.`}`}
      </Text>
    </Stack>
  )
}
