import { Anchor, Badge, Button, Paper } from '@mantine/core'
import { type CycleStage, DECISION_LABELS } from '@pdsa/domain'
import { IconEdit, IconPlayerPlay, IconTrash } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { StageBadge } from '~/components/StageBadge'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { ChangeIdeaStatusBadge } from './ChangeIdeaStatusBadge'
import { NodeMenu } from './NodeMenu'
import type { ChangeIdea, TreeActions } from './types'

/** A change idea in the diagram: status, MTSS tier, what its cycles found so far, evidence links. */
export function ChangeIdeaItem({ idea, actions }: { idea: ChangeIdea; actions: TreeActions }) {
  return (
    <Paper withBorder p="sm" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} size="sm">
            {idea.title}
          </Text>
          {actions.canEdit ? (
            <NodeMenu
              label={`Actions for change idea ${idea.title}`}
              items={[
                {
                  label: 'Edit change idea',
                  icon: <IconEdit size={16} />,
                  onClick: () => actions.editChangeIdea(idea),
                },
                {
                  label: 'Delete change idea',
                  icon: <IconTrash size={16} />,
                  danger: true,
                  disabled: idea.cycleCount > 0,
                  title:
                    idea.cycleCount > 0 ? 'Cycles test this idea: set it to abandoned instead.' : undefined,
                  onClick: () => actions.deleteChangeIdea(idea),
                },
              ]}
            />
          ) : null}
        </Group>
        {idea.description ? (
          <Text size="xs" c="dimmed" lineClamp={3}>
            {idea.description}
          </Text>
        ) : null}
        <Group gap={6}>
          <ChangeIdeaStatusBadge status={idea.status} />
          {idea.mtssTier ? (
            <Badge variant="outline" color="gray.8" size="sm">
              Tier {idea.mtssTier}
            </Badge>
          ) : null}
          <Text size="xs" c="dimmed">
            {plural(idea.cycleCount, 'cycle')}
          </Text>
          {idea.latestDecision ? (
            <Text size="xs" c="dimmed">
              · Last decision: <strong>{DECISION_LABELS[idea.latestDecision]}</strong>
            </Text>
          ) : null}
        </Group>
        {idea.latestCycle ? (
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              Latest cycle:
            </Text>
            <Anchor component={Link} to={`/cycles/${idea.latestCycle.id}`} size="xs">
              {idea.latestCycle.title}
            </Anchor>
            <StageBadge stage={idea.latestCycle.stage as CycleStage} size="xs" />
          </Group>
        ) : null}
        {actions.startCycle && idea.status !== 'abandoned' ? (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlayerPlay size={14} aria-hidden />}
              onClick={() => actions.startCycle?.(idea)}
              aria-label={`Start a cycle testing ${idea.title}`}
            >
              Start a cycle
            </Button>
          </Group>
        ) : null}
        {idea.evidenceLinks.length > 0 ? (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Evidence:
            </Text>
            {idea.evidenceLinks.map((url, i) => (
              <Anchor key={url} href={url} target="_blank" rel="noopener noreferrer" size="xs">
                {linkLabel(url, i)}
              </Anchor>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  )
}

function linkLabel(url: string, i: number) {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return `Link ${i + 1}`
  }
}
