import { ActionIcon, Badge, Table, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconArchive, IconArchiveOff, IconEdit } from '@tabler/icons-react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import type { RouterOutputs } from '~/lib/types'

type Overview = RouterOutputs['district']['overview']
export type DistrictGoalRow = Overview['districtGoals'][number]

/** District goals with how many goals (at how many schools) align to each; edit and archive for leaders. */
export function DistrictGoalsTable({
  goals,
  canManage,
  scope,
  onEdit,
  onArchive,
  archivingId,
}: {
  goals: DistrictGoalRow[]
  canManage: boolean
  scope: Overview['scope']
  onEdit: (goal: DistrictGoalRow) => void
  onArchive: (goal: DistrictGoalRow) => void
  archivingId: string | null
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Code</Table.Th>
            <Table.Th>District goal</Table.Th>
            <Table.Th w={110}>Years</Table.Th>
            <Table.Th w={160}>Owner</Table.Th>
            <Table.Th w={200}>
              {scope === 'district' ? 'Aligned goals' : 'Aligned goals at your schools'}
            </Table.Th>
            {canManage ? (
              <Table.Th w={96}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goals.map((g) => (
            <Table.Tr key={g.id} style={g.archived ? { opacity: 0.75 } : undefined}>
              <Table.Td>
                <Text fw={700} size="sm">
                  {g.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {g.title}
                  </Text>
                  {g.archived ? (
                    <Badge size="xs" color="gray.7">
                      Archived
                    </Badge>
                  ) : null}
                </Group>
                {g.description ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {g.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {g.startYear}–{g.endYear}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={g.owner ? undefined : 'dimmed'}>
                  {g.owner?.name ?? 'No owner'}
                </Text>
              </Table.Td>
              <Table.Td>
                {g.alignedGoalCount > 0 ? (
                  <Text size="sm">
                    {plural(g.alignedGoalCount, 'goal')} at {plural(g.alignedSchoolCount, 'school')}
                  </Text>
                ) : (
                  <Text size="sm" c="orange.9" fw={600}>
                    No goals align yet
                  </Text>
                )}
              </Table.Td>
              {canManage ? (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label="Edit">
                      <ActionIcon
                        variant="subtle"
                        color="gray.8"
                        aria-label={`Edit ${g.code}`}
                        onClick={() => onEdit(g)}
                      >
                        <IconEdit size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={g.archived ? 'Restore' : 'Archive'}>
                      <ActionIcon
                        variant="subtle"
                        color="gray.8"
                        aria-label={`${g.archived ? 'Restore' : 'Archive'} ${g.code}`}
                        loading={archivingId === g.id}
                        onClick={() => onArchive(g)}
                      >
                        {g.archived ? (
                          <IconArchiveOff size={18} aria-hidden />
                        ) : (
                          <IconArchive size={18} aria-hidden />
                        )}
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
