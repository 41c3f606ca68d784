import { Anchor, Badge, Card, Table, Title } from '@mantine/core'
import { Link } from 'react-router'
import { NewGoalButton } from '~/components/GoalForm'
import { Group, Stack } from '~/components/Layout'
import { StageCounts } from '~/components/StageCounts'
import { Text } from '~/components/Text'
import type { RouterOutputs } from '~/lib/types'
import { FollowSchoolSwitch } from './FollowSchoolSwitch'
import { GoalAlignmentList } from './GoalAlignmentList'

type School = RouterOutputs['district']['overview']['schools'][number]

const LEVELS: Record<string, string> = {
  elementary: 'Elementary',
  middle: 'Middle',
  high: 'High',
  other: 'Other',
}

/** One school: its school-level goals, then each team with its goals (and their alignment) and cycles by stage. */
export function SchoolOverview({ school, canAddSchoolGoal }: { school: School; canAddSchoolGoal: boolean }) {
  const headingId = `school-${school.id}`
  return (
    <Card padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Title order={3} size="h4" id={headingId}>
              {school.name}
            </Title>
            <Badge variant="outline" color="gray.8" size="sm">
              {LEVELS[school.level] ?? school.level}
            </Badge>
          </Group>
          {canAddSchoolGoal ? (
            <Group gap="md">
              <FollowSchoolSwitch schoolId={school.id} schoolName={school.name} />
              <NewGoalButton
                schoolId={school.id}
                teamId={null}
                label="New school goal"
                size="xs"
                variant="light"
              />
            </Group>
          ) : null}
        </Group>
        {school.schoolGoals.length > 0 ? (
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              School goals
            </Text>
            <GoalAlignmentList goals={school.schoolGoals} empty="" />
          </div>
        ) : null}
        {school.teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            No teams at this school yet. A district admin can add one under Administration.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">Team</Table.Th>
                  <Table.Th>Goals and alignment</Table.Th>
                  <Table.Th w="34%">Cycles by stage</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {school.teams.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Anchor component={Link} to={`/teams/${team.id}`} size="sm" fw={600}>
                        {team.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <GoalAlignmentList goals={team.goals} empty="No goals yet" />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <StageCounts counts={team.cyclesByStage} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}
