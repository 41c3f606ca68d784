// Schools × student groups: where an equity goal names the group and whether its gap is narrowing, where
// a large gap has no goal, and where the group is too small to report. Shared by the matrix page and the
// printable report. Not a route module.
import { Anchor, Badge, Box, Table } from '@mantine/core'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import type { RouterOutputs } from '~/lib/types'

export type EquityMatrix = RouterOutputs['district']['equityMatrix']
type Cell = EquityMatrix['rows'][number]['cells'][number]

// Short enough for a narrow column; the legend says they are gap verdicts.
const SHORT_GAP = {
  narrowed: 'Narrowing',
  widened: 'Widening',
  no_signal: 'No signal',
  not_enough_data: 'Little data',
} as const

/** "2 cycles in progress", or the empty state "No cycle in progress" (what the district must see). */
function CycleCount({ count }: { count: number }) {
  return count > 0 ? (
    <Text size="xs" fw={600}>
      {count} {count === 1 ? 'cycle' : 'cycles'} in progress
    </Text>
  ) : (
    <Text size="xs" c="orange.9" fw={600}>
      No cycle in progress
    </Text>
  )
}

type MatrixGoal = Cell['goals'][number]

/**
 * The goal's gap verdict, unless its target is worse than its baseline: then the audit's finding, never
 * "Narrowing" (one rule, `targetDirection`, for the matrix and the audit).
 */
function GoalGap({ goal }: { goal: MatrixGoal }) {
  if (goal.targetWorseThanBaseline) {
    return (
      <Badge color="red.9" variant="filled" size="xs" tt="none">
        Target worse than baseline
      </Badge>
    )
  }
  return goal.gap ? (
    <VerdictBadge verdict={goal.gap.verdict} size="xs" label={SHORT_GAP[goal.gap.verdict]} />
  ) : (
    <Text size="xs" c="dimmed">
      No gap verdict
    </Text>
  )
}

function MatrixCell({ cell, groupName, links }: { cell: Cell; groupName: string; links: boolean }) {
  if (cell.status === 'goal') {
    return (
      <Stack gap={6} align="flex-start" data-testid="matrix-cell" data-status="goal">
        {cell.goals.map((g) => (
          <Stack key={g.id} gap={2} align="flex-start">
            {links ? (
              <Anchor component={Link} to={`/goals/${g.id}`} size="xs" lineClamp={2} title={g.title}>
                {g.title}
              </Anchor>
            ) : (
              <Text size="xs">{g.title}</Text>
            )}
            <GoalGap goal={g} />
          </Stack>
        ))}
        <CycleCount count={cell.activeCycles} />
      </Stack>
    )
  }
  if (cell.status === 'gap_without_goal') {
    return (
      <Stack gap={4} align="flex-start" data-testid="matrix-cell" data-status="gap_without_goal">
        <Badge color="red.9" variant="outline" size="xs" tt="none" style={{ background: 'white' }}>
          Gap, no goal
        </Badge>
        <Text size="xs" c="dimmed">
          No cycle
        </Text>
      </Stack>
    )
  }
  if (cell.status === 'suppressed') {
    return (
      <Text size="xs" c="dimmed" title={`${groupName}: too few students to report`}>
        Too few to report
      </Text>
    )
  }
  return (
    <Text size="xs" c="dimmed" data-testid="matrix-cell" data-status="none">
      No goal · no cycle
    </Text>
  )
}

export function EquityMatrixTable({
  matrix,
  links = true,
}: {
  matrix: EquityMatrix
  /** Links to the goals (off on paper). */
  links?: boolean
}) {
  return (
    // A sideways-scrolling region that keyboard users can focus and scroll (axe: scrollable-region-focusable).
    <Box
      className="equity-matrix-scroll"
      style={{ overflowX: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label="Equity matrix, scrolls sideways"
    >
      <Table
        miw={Math.max(720, 170 + matrix.columns.length * 140)}
        withTableBorder
        withColumnBorders
        verticalSpacing="xs"
        aria-label="Equity goals by school and student group"
        style={{ tableLayout: 'fixed' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={170}>
              School
            </Table.Th>
            {matrix.columns.map((c) => (
              <Table.Th scope="col" key={c.id} w={140} style={{ verticalAlign: 'bottom' }}>
                {/* Group names wrap onto more lines rather than being cut ("Whi…"). */}
                <Text size="xs" fw={700} style={{ whiteSpace: 'normal', overflowWrap: 'break-word' }}>
                  {c.name}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map((row) => (
            <Table.Tr key={row.school.id}>
              <Table.Th scope="row">
                <Text size="sm" fw={600}>
                  {row.school.name}
                </Text>
              </Table.Th>
              {row.cells.map((cell, i) => (
                <Table.Td key={cell.studentGroupId} style={{ verticalAlign: 'top' }}>
                  <MatrixCell cell={cell} groupName={matrix.columns[i]?.name ?? ''} links={links} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">
              <Text size="xs" fw={700}>
                Schools with a goal / a large gap without one / a cycle in progress
              </Text>
            </Table.Th>
            {matrix.columns.map((c) => (
              <Table.Td key={c.id}>
                <Group gap={4}>
                  <Text size="xs" fw={700}>
                    {c.schoolsWithGoal}
                  </Text>
                  <Text size="xs" c={c.schoolsWithUnnamedGap ? 'red.9' : 'dimmed'} fw={700}>
                    / {c.schoolsWithUnnamedGap}
                  </Text>
                  <Text size="xs" fw={700}>
                    / {c.schoolsWithActiveCycle}
                  </Text>
                </Group>
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Box>
  )
}

export function EquityMatrixLegend({ threshold }: { threshold: number }) {
  return (
    <Group gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Legend">
      <Text component="li" size="xs">
        <VerdictBadge verdict="narrowed" size="xs" label="Narrowing" /> a goal names the group and its gap
        shows a narrowing signal
      </Text>
      <Text component="li" size="xs">
        <VerdictBadge verdict="widened" size="xs" label="Widening" /> the gap is widening;{' '}
        <VerdictBadge verdict="no_signal" size="xs" label="No signal" /> no signal yet;{' '}
        <VerdictBadge verdict="not_enough_data" size="xs" label="Little data" /> too few points to judge
      </Text>
      <Text component="li" size="xs">
        <Badge color="red.9" variant="outline" size="xs" tt="none" style={{ background: 'white' }}>
          Gap, no goal
        </Badge>{' '}
        the data shows a large gap and no goal of the school names the group
      </Text>
      <Text component="li" size="xs">
        <Badge color="red.9" variant="filled" size="xs" tt="none">
          Target worse than baseline
        </Badge>{' '}
        the goal’s target would make the measure worse (as in the alignment audit)
      </Text>
      <Text component="li" size="xs">
        “No cycle in progress”: the goal has no cycle in Plan, Do, Study or Act; “No goal · no cycle”: nothing
        names the group at the school
      </Text>
      <Text component="li" size="xs">
        “Too few to report”: fewer than {threshold} students (suppressed)
      </Text>
    </Group>
  )
}
