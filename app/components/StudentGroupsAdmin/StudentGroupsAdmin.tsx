import { Badge, Button, Table, VisuallyHidden } from '@mantine/core'
import { IconPlus, IconUsersGroup } from '@tabler/icons-react'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { CATEGORY_LABELS, StudentGroupFormModal } from './StudentGroupFormModal'

type StudentGroup = RouterOutputs['org']['studentGroups'][number]

/** The district's student groups: every observation can be broken down by them. */
export function StudentGroupsAdmin() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: groups } = useSuspenseQuery(trpc.org.studentGroups.queryOptions({ includeInactive: true }))
  const [editing, setEditing] = useState<StudentGroup | 'new' | null>(null)
  const feedback = mutationFeedback({ success: 'Group saved.' })
  const toggle = useMutation(
    trpc.org.updateStudentGroup.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.org.studentGroups.pathKey() })
      },
    }),
  )
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          Teams enter and compare data by these groups. A deactivated group keeps its data but is no longer
          offered for new entries or goals.
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          Add group
        </Button>
      </Group>
      {groups.length === 0 ? (
        <EmptyState icon={<IconUsersGroup size={22} />} title="No student groups yet">
          Start with All students, then the groups your state reports on (race and ethnicity, English
          learners, socioeconomically disadvantaged, students with disabilities…).
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Category</Table.Th>
                <Table.Th scope="col">Position</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {g.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {g.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{CATEGORY_LABELS[g.category]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.sortOrder}</Text>
                  </Table.Td>
                  <Table.Td>
                    {g.isActive ? (
                      <Badge color="green" c="green.9" variant="light">
                        Active
                      </Badge>
                    ) : (
                      <Badge color="gray.7">Inactive</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(g)}
                        aria-label={`Edit ${g.name}`}
                      >
                        Edit
                      </Button>
                      {g.category === 'all' ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color={g.isActive ? 'red' : undefined}
                          loading={toggle.isPending && toggle.variables?.id === g.id}
                          onClick={() => toggle.mutate({ id: g.id, isActive: !g.isActive })}
                          aria-label={`${g.isActive ? 'Deactivate' : 'Reactivate'} ${g.name}`}
                        >
                          {g.isActive ? 'Deactivate' : 'Reactivate'}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null ? (
        <StudentGroupFormModal
          key={editing === 'new' ? 'new' : editing.id}
          group={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  )
}
