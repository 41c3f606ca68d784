import { Anchor, Badge, Card } from '@mantine/core'
import { formatIsoDate, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import type { RouterOutputs } from '~/lib/types'

type Goal = RouterOutputs['goal']['list'][number]

/** A goal at a glance: its aim statement, baseline → target, and how much work hangs off it. */
export function GoalCard({ goal }: { goal: Goal }) {
  const unit = goal.measure.unit as MeasureUnit
  return (
    <Card padding="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Anchor component={Link} to={`/goals/${goal.id}`} fw={650} size="lg">
            {goal.title}
          </Anchor>
          {goal.status !== 'active' ? (
            <Badge variant="light" color="gray" c="dark.7">
              {goal.status}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">{goal.aimStatement}</Text>
        <Group gap="lg" mt={4}>
          <Text size="sm" c="dimmed">
            Baseline{' '}
            <Text span fw={600} c="var(--mantine-color-text)">
              {formatMeasureValue(goal.baselineValue, unit)}
            </Text>{' '}
            ({formatIsoDate(goal.baselineDate, 'short')})
          </Text>
          <Text size="sm" c="dimmed">
            Target{' '}
            <Text span fw={600} c="var(--mantine-color-text)">
              {formatMeasureValue(goal.targetValue, unit)}
            </Text>{' '}
            by {formatIsoDate(goal.targetDate, 'short')}
          </Text>
          <Text size="sm" c="dimmed">
            {plural(goal.changeIdeaCount, 'change idea')} · {plural(goal.cycleCount, 'cycle')}
          </Text>
        </Group>
        {goal.districtGoals.length > 0 ? (
          <Group gap={6}>
            {goal.districtGoals.map((d) => (
              <Badge key={d.id} variant="outline" color="gray" size="sm" title={d.title}>
                {d.code}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="xs" c="red.9">
            Not aligned to a district goal
          </Text>
        )}
      </Stack>
    </Card>
  )
}
