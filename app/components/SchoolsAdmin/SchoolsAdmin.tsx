import { Badge, Button, Card, Table, Title, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { plural } from '~/lib/plural'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { SchoolFormModal } from './SchoolFormModal'
import { TeamFormModal, type TeamFormTarget } from './TeamFormModal'

type School = RouterOutputs['org']['schools'][number]

/** Schools and their teams: add and edit schools, add, rename, archive and restore teams. */
export function SchoolsAdmin() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: schools } = useSuspenseQuery(trpc.org.schools.queryOptions({ includeArchivedTeams: true }))
  const [editingSchool, setEditingSchool] = useState<School | 'new' | null>(null)
  const [teamTarget, setTeamTarget] = useState<TeamFormTarget | null>(null)
  const feedback = mutationFeedback({})
  const archive = useMutation(
    trpc.org.updateTeam.mutationOptions({
      onError: feedback.onError,
      onSuccess: async (team) => {
        notifications.show({
          color: 'green',
          message: `${team.name} ${team.archivedAt ? 'archived' : 'restored'}.`,
        })
        await queryClient.invalidateQueries({ queryKey: trpc.org.schools.pathKey() })
        await queryClient.invalidateQueries({ queryKey: trpc.org.navigation.pathKey() })
      },
    }),
  )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          Archived teams keep their goals, cycles and data, but leave everyone’s navigation and cannot get new
          roles.
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditingSchool('new')}>
          Add school
        </Button>
      </Group>
      {schools.length === 0 ? (
        <EmptyState icon={<IconBuildingCommunity size={22} />} title="No schools yet">
          Add your district’s schools, then the improvement teams at each.
        </EmptyState>
      ) : (
        schools.map((school) => (
          <Card key={school.id} padding="md">
            <Group justify="space-between" align="flex-start" mb="xs">
              <div>
                <Title order={3} size="h4">
                  {school.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {[
                    school.code,
                    school.level[0]?.toUpperCase() + school.level.slice(1),
                    school.gradeSpan && `Grades ${school.gradeSpan}`,
                    school.enrollment !== null && plural(school.enrollment, 'student'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditingSchool(school)}>
                  Edit school
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setTeamTarget({ schoolId: school.id, schoolName: school.name, team: null })}
                >
                  Add team
                </Button>
              </Group>
            </Group>
            {school.teams.length === 0 ? (
              <Text size="sm" c="dimmed">
                No teams yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Team</Table.Th>
                      <Table.Th scope="col">Roles held</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {school.teams.map((team) => (
                      <Table.Tr key={team.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {team.name}
                          </Text>
                          {team.description ? (
                            <Text size="xs" c="dimmed" lineClamp={1}>
                              {team.description}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{team.membershipCount}</Text>
                        </Table.Td>
                        <Table.Td>
                          {team.archived ? (
                            <Badge color="gray.7">Archived</Badge>
                          ) : (
                            <Badge color="green" c="green.9" variant="light">
                              Active
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="subtle"
                              onClick={() =>
                                setTeamTarget({ schoolId: school.id, schoolName: school.name, team })
                              }
                              aria-label={`Rename ${team.name}`}
                            >
                              Rename
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color={team.archived ? undefined : 'red'}
                              loading={archive.isPending && archive.variables?.id === team.id}
                              onClick={() => archive.mutate({ id: team.id, archived: !team.archived })}
                              aria-label={`${team.archived ? 'Restore' : 'Archive'} ${team.name}`}
                            >
                              {team.archived ? 'Restore' : 'Archive'}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        ))
      )}
      {editingSchool !== null ? (
        <SchoolFormModal
          key={editingSchool === 'new' ? 'new' : editingSchool.id}
          school={editingSchool === 'new' ? null : editingSchool}
          onClose={() => setEditingSchool(null)}
        />
      ) : null}
      {teamTarget ? (
        <TeamFormModal
          key={teamTarget.team?.id ?? teamTarget.schoolId}
          target={teamTarget}
          onClose={() => setTeamTarget(null)}
        />
      ) : null}
    </Stack>
  )
}
