import { Anchor, Badge, Box, Button, Card, Paper, Table } from '@mantine/core'
import { DECISION_LABELS } from '@pdsa/domain'
import { IconMessagePlus } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { MeasureVerdictList } from '~/components/MeasureVerdictList'
import { StageBadge } from '~/components/StageBadge'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { MethodCheckList } from './MethodCheckList'
import classes from './PortfolioCyclesTable.module.css'
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

/** Open feedback on a cycle: what the team still owes, and replies waiting for the coach to accept. */
function FeedbackState({ cycle }: { cycle: PortfolioCycle }) {
  if (cycle.openFeedback === 0 && cycle.awaitingReview === 0) {
    return (
      <Text size="xs" c="dimmed">
        None open
      </Text>
    )
  }
  return (
    <Stack gap={4} align="flex-start">
      {cycle.openFeedback > 0 ? (
        <Anchor component={Link} to={`/cycles/${cycle.id}#comments-heading`} size="sm">
          <Badge color="red.9" variant="filled" tt="none" style={{ cursor: 'pointer' }}>
            {cycle.openFeedback} awaiting response
          </Badge>
        </Anchor>
      ) : null}
      {cycle.awaitingReview > 0 ? (
        <Anchor component={Link} to={`/cycles/${cycle.id}#comments-heading`} size="sm">
          <Badge color="blue.9" variant="filled" tt="none" style={{ cursor: 'pointer' }}>
            {plural(cycle.awaitingReview, 'reply', 'replies')} to review
          </Badge>
        </Anchor>
      ) : null}
    </Stack>
  )
}

function GiveFeedbackButton({ cycle, onClick }: { cycle: PortfolioCycle; onClick: () => void }) {
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconMessagePlus size={14} aria-hidden />}
      onClick={onClick}
      aria-label={`Give feedback on ${cycle.title}`}
      style={{ flexShrink: 0 }}
    >
      Give feedback
    </Button>
  )
}

function CycleTitle({ cycle }: { cycle: PortfolioCycle }) {
  return (
    <>
      <Anchor component={Link} to={`/cycles/${cycle.id}`} size="sm" fw={600}>
        {cycle.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        Cycle {cycle.cycleNumber}
        {cycle.changeIdea ? ` · ${cycle.changeIdea.title}` : ''}
        {cycle.scale ? ` · ${cycle.scale}` : ''}
      </Text>
    </>
  )
}

/**
 * One card per cycle, for phones: everything the table shows, stacked, with the feedback action at the
 * bottom of each card.
 */
function PortfolioCycleCards({ cycles, onGiveFeedback }: Props) {
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label="Cycles of the teams you coach"
    >
      {cycles.map((c) => (
        <Card key={c.id} component="li" padding="sm" data-testid="portfolio-cycle-card">
          <Stack gap="xs">
            <div>
              <CycleTitle cycle={c} />
              <Text size="xs">
                {c.team.name} · {c.school.name}
              </Text>
            </div>
            <Group gap="xs" wrap="wrap">
              <StageBadge stage={c.stage} />
              {c.decision ? (
                <Text size="xs" c="dimmed">
                  {DECISION_LABELS[c.decision]}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                Last edit:
              </Text>
              <LastEdit days={c.daysSinceEdit} open={c.stage !== 'complete'} />
            </Group>
            {c.checks.length > 0 ? <MethodCheckList checks={c.checks} /> : null}
            <MeasureVerdictList
              verdicts={c.verdicts}
              empty={c.stage === 'plan' ? 'Not started' : 'None yet'}
            />
            <Group justify="space-between" align="flex-end" gap="xs">
              <FeedbackState cycle={c} />
              <GiveFeedbackButton cycle={c} onClick={() => onGiveFeedback(c)} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  )
}

interface Props {
  cycles: readonly PortfolioCycle[]
  onGiveFeedback: (cycle: PortfolioCycle) => void
}

/**
 * The portfolio's cycles: a table from tablet width up, whose feedback column (open feedback and the
 * "Give feedback" action) is sticky at the right edge so it stays visible however wide the other
 * columns are; one card per cycle on phones.
 */
export function PortfolioCyclesTable({ cycles, onGiveFeedback }: Props) {
  return (
    <>
      <Box hiddenFrom="sm">
        <PortfolioCycleCards cycles={cycles} onGiveFeedback={onGiveFeedback} />
      </Box>
      <Paper withBorder visibleFrom="sm">
        <Table.ScrollContainer minWidth={1180}>
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
                <Table.Th scope="col" w={190} className={classes.stickyCell}>
                  Feedback
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycles.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td maw={280}>
                    <CycleTitle cycle={c} />
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
                  <Table.Td className={classes.stickyCell} data-testid="portfolio-feedback-cell">
                    <Stack gap={6} align="flex-start">
                      <FeedbackState cycle={c} />
                      <GiveFeedbackButton cycle={c} onClick={() => onGiveFeedback(c)} />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  )
}
