import { Anchor, Badge, Paper, SimpleGrid, Title } from '@mantine/core'
import { DECISION_LABELS, STAGE_LABELS } from '@pdsa/domain'
import { IconChevronRight } from '@tabler/icons-react'
import { Link } from 'react-router'
import { CycleVerdictHeadline } from '~/components/CycleVerdictHeadline'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import type { RouterOutputs } from '~/lib/types'

type Diagram = RouterOutputs['goal']['diagram']
type Live = RouterOutputs['analytics']['goalProgress']['live']

/** Every change idea of the diagram once (an idea under several drivers appears once). */
function ideasOf(diagram: Diagram) {
  const seen = new Map<string, { id: string; title: string }>()
  for (const p of diagram.primaries)
    for (const s of p.secondaries) for (const i of s.changeIdeas) seen.set(i.id, { id: i.id, title: i.title })
  for (const i of diagram.unlinkedChangeIdeas) seen.set(i.id, { id: i.id, title: i.title })
  return [...seen.values()]
}

/**
 * The ramp of each change idea: its cycles in order (cycle 1, 2, 3 …), each with its stage, decision
 * and the verdict of its linked measures, so a reader sees the idea grow from a small test to adoption.
 */
export function ChangeIdeaRamp({ diagram, live }: { diagram: Diagram; live: Live }) {
  const ideas = ideasOf(diagram)
  const tested = ideas.filter((i) => (live.changeIdeas[i.id]?.ramp.length ?? 0) > 0)
  const untested = ideas.filter((i) => !tested.includes(i))
  if (ideas.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No change ideas yet. Add change ideas to the driver diagram, then test each with a PDSA cycle.
      </Text>
    )
  }
  return (
    <Stack gap="md">
      {tested.length === 0 ? (
        <Text size="sm" c="dimmed">
          No change idea has been tested yet. Start a cycle from a change idea to see its ramp here.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {tested.map((idea) => {
            const node = live.changeIdeas[idea.id]
            return (
              <Paper
                key={idea.id}
                withBorder
                p="md"
                id={`ramp-${idea.id}`}
                component="article"
                aria-labelledby={`ramp-${idea.id}-title`}
                style={{ scrollMarginTop: 80 }}
              >
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Title order={3} size="h5" id={`ramp-${idea.id}-title`}>
                      {idea.title}
                    </Title>
                    {node ? <VerdictBadge verdict={node.signal.status} size="xs" /> : null}
                  </Group>
                  <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                    {(node?.ramp ?? []).map((c) => (
                      <Group key={c.id} component="li" gap="xs" wrap="nowrap" align="center">
                        <Badge variant="outline" color="gray.7" size="sm" tt="none" style={{ flex: 'none' }}>
                          Cycle {c.cycleNumber}
                        </Badge>
                        <IconChevronRight size={14} aria-hidden style={{ flex: 'none' }} />
                        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                          <Anchor component={Link} to={`/cycles/${c.id}`} size="sm" fw={600} lineClamp={1}>
                            {c.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {STAGE_LABELS[c.stage]}
                            {c.decision ? ` · decision: ${DECISION_LABELS[c.decision]}` : ''}
                          </Text>
                          <CycleVerdictHeadline headline={c.headline} empty="No linked measures" />
                        </Stack>
                      </Group>
                    ))}
                  </Stack>
                </Stack>
              </Paper>
            )
          })}
        </SimpleGrid>
      )}
      {untested.length > 0 ? (
        <Text size="sm" c="dimmed">
          Not tested yet: {untested.map((i) => i.title).join(', ')}.
        </Text>
      ) : null}
    </Stack>
  )
}
