import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { DECISION_LABELS } from '@pdsa/domain'
import { IconMessagePlus } from '@tabler/icons-react'
import { Link } from 'react-router'
import { StageBadge } from '~/components/StageBadge'
import { MeasureVerdictList } from './MeasureVerdict'
import { MethodCheckList } from './MethodCheckList'
import type { PortfolioCycle } from './portfolio-filters'

function LastEdit({ days, open }: { days: number; open: boolean }) {
  const text = days === 0 ? 'Today' : days === 1 ? '1 day ago' : `${days} days ago`
  // Only an open cycle is "stale"; a completed one is simply history.
  const stale = open && days >= 14
  return (
    <Text
      size="sm"
      c={stale ? 'orange.9' : undefined}
      fw={stale ? 600 : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Text>
  )
}

/** The portfolio's cycles: one row each, with a "Give feedback" action. */
export function PortfolioCyclesTable({
  cycles,
  onGiveFeedback,
}: {
  cycles: readonly PortfolioCycle[]
  onGiveFeedback: (cycle: PortfolioCycle) => void
}) {
  return (
    <Table.ScrollContainer minWidth={1240}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Cycles of the teams you coach">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Cycle</Table.Th>
            <Table.Th scope="col">Team</Table.Th>
            <Table.Th scope="col" w={110}>
              Stage
            </Table.Th>
            <Table.Th scope="col" w={110}>
              Last edit
            </Table.Th>
            <Table.Th scope="col" w={190}>
              Warnings
            </Table.Th>
            <Table.Th scope="col" w={250}>
              Verdicts
            </Table.Th>
            <Table.Th scope="col">Feedback</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cycles.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td maw={280}>
                <Anchor component={Link} to={`/cycles/${c.id}`} size="sm" fw={600}>
                  {c.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  Cycle {c.cycleNumber}
                  {c.changeIdea ? ` · ${c.changeIdea.title}` : ''}
                  {c.scale ? ` · ${c.scale}` : ''}
                </Text>
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm">{c.team.name}</Text>
                <Text size="xs" c="dimmed">
                  {c.school.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StageBadge stage={c.stage} />
                  {c.decision ? (
                    <Text size="xs" c="dimmed">
                      {DECISION_LABELS[c.decision]}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <LastEdit days={c.daysSinceEdit} open={c.stage !== 'complete'} />
              </Table.Td>
              <Table.Td>
                <MethodCheckList checks={c.checks} />
              </Table.Td>
              <Table.Td maw={240}>
                <MeasureVerdictList
                  verdicts={c.verdicts}
                  empty={c.stage === 'plan' ? 'Not started' : 'None yet'}
                />
              </Table.Td>
              <Table.Td>
                {c.openFeedback > 0 ? (
                  <Anchor component={Link} to={`/cycles/${c.id}#comments-heading`} size="sm">
                    <Badge color="red.9" variant="filled" tt="none" style={{ cursor: 'pointer' }}>
                      {c.openFeedback} awaiting response
                    </Badge>
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed">
                    None open
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconMessagePlus size={14} aria-hidden />}
                    onClick={() => onGiveFeedback(c)}
                    aria-label={`Give feedback on ${c.title}`}
                  >
                    Give feedback
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
