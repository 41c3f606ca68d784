import { Anchor, SimpleGrid } from '@mantine/core'
import { formatIsoDate, PURPOSE_LABELS } from '@pdsa/domain'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  )
}

const range = (start: string | null, end: string | null) =>
  start || end ? `${formatIsoDate(start, 'short')} – ${end ? formatIsoDate(end, 'short') : 'ongoing'}` : '—'

/** The cycle header's facts: what it tests, who runs it, when, at what scale, and where it sits in its ramp. */
export function CycleFacts({ cycle }: { cycle: CycleView }) {
  const { ramp } = cycle
  return (
    <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm" m={0}>
      <Fact label="Change idea">{cycle.changeIdea?.title ?? 'None chosen'}</Fact>
      <Fact label="Goal">
        {cycle.goal ? (
          <Anchor component={Link} to={`/goals/${cycle.goal.id}`} size="sm">
            {cycle.goal.title}
          </Anchor>
        ) : (
          'None chosen'
        )}
      </Fact>
      <Fact label="Owner">{cycle.owner?.name ?? '—'}</Fact>
      <Fact label="Testers">{cycle.testers || '—'}</Fact>
      <Fact label="Purpose">{PURPOSE_LABELS[cycle.purpose]}</Fact>
      <Fact label="Scale">{cycle.scale || '—'}</Fact>
      <Fact label="Planned">{range(cycle.plannedStart, cycle.plannedEnd)}</Fact>
      <Fact label="Actual">{range(cycle.actualStart, cycle.actualEnd)}</Fact>
      <Fact label="Ramp">
        <Group gap={6} component="span" wrap="wrap">
          <span>
            Cycle {cycle.cycleNumber} of {ramp.length}
          </span>
          {ramp.previous ? (
            <Anchor
              component={Link}
              to={`/cycles/${ramp.previous.id}`}
              size="sm"
              aria-label={`Previous cycle: ${ramp.previous.title}`}
            >
              <IconArrowLeft size={12} aria-hidden /> Previous
            </Anchor>
          ) : null}
          {ramp.next.map((n) => (
            <Anchor
              key={n.id}
              component={Link}
              to={`/cycles/${n.id}`}
              size="sm"
              aria-label={`Next cycle: ${n.title}`}
            >
              Next <IconArrowRight size={12} aria-hidden />
            </Anchor>
          ))}
        </Group>
      </Fact>
    </SimpleGrid>
  )
}
