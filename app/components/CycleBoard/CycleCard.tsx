import { Anchor, Badge, Card, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconAlertTriangle, IconMessageCircleExclamation } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import type { RouterOutputs } from '~/lib/types'
import { formatDateRange } from './date-range'

type BoardCycle = RouterOutputs['cycle']['board']['stages'][number]['cycles'][number]

/** A cycle on the board: what it tests, who owns it, when it runs, and what needs attention. */
export function CycleCard({ cycle }: { cycle: BoardCycle }) {
  const warnings = cycle.warnings.map((w) => w.message)
  return (
    <Card padding="sm" component="article" aria-labelledby={`cycle-${cycle.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/cycles/${cycle.id}`} fw={650} size="sm" id={`cycle-${cycle.id}`}>
            {cycle.title}
          </Anchor>
          {cycle.cycleNumber > 1 ? (
            <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
              Cycle {cycle.cycleNumber}
            </Badge>
          ) : null}
        </Group>
        {cycle.changeIdea ? (
          <Text size="xs" c="dimmed" lineClamp={2}>
            Tests: {cycle.changeIdea.title}
          </Text>
        ) : null}
        <Text size="xs">
          {cycle.owner ? `${cycle.owner.name} · ` : ''}
          {formatDateRange(cycle.plannedStart, cycle.plannedEnd)}
        </Text>
        <Group gap={6} justify="space-between">
          <Text size="xs" c="dimmed">
            {cycle.daysSinceEdit === 0
              ? 'Edited today'
              : `${plural(cycle.daysSinceEdit, 'day')} since last edit`}
          </Text>
          <Group gap={4}>
            {warnings.length > 0 ? (
              <Tooltip
                multiline
                w={260}
                withArrow
                events={{ hover: true, focus: true, touch: true }}
                label={
                  <Stack gap={2}>
                    {warnings.map((w) => (
                      <Text key={w} size="xs">
                        {w}
                      </Text>
                    ))}
                  </Stack>
                }
              >
                <Badge
                  tabIndex={0}
                  color="yellow"
                  c="dark.7"
                  variant="light"
                  size="sm"
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                >
                  <span aria-hidden>{warnings.length}</span>
                  <VisuallyHidden>
                    {plural(warnings.length, 'method check')}: {warnings.join(' ')}
                  </VisuallyHidden>
                </Badge>
              </Tooltip>
            ) : null}
            {cycle.openFeedbackCount > 0 ? (
              <Badge
                color="red"
                c="red.9"
                variant="light"
                size="sm"
                leftSection={<IconMessageCircleExclamation size={12} aria-hidden />}
              >
                <span aria-hidden>{cycle.openFeedbackCount}</span>
                <VisuallyHidden>
                  {plural(cycle.openFeedbackCount, 'comment')} awaiting the team’s response
                </VisuallyHidden>
              </Badge>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </Card>
  )
}
