import { Badge, Button, Menu, SegmentedControl, Table, TextInput, VisuallyHidden } from '@mantine/core'
import { IconDots, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { useTRPC } from '~/lib/trpc'
import { DeactivateUserModal } from './DeactivateUserModal'
import { InviteUserModal } from './InviteUserModal'
import { PendingInvitations } from './PendingInvitations'
import { roleScopeLabel, type UserRow } from './role-scope'
import { TemporaryPasswordModal } from './TemporaryPasswordModal'
import { UserFormModal } from './UserFormModal'
import { UserRolesDrawer } from './UserRolesDrawer'

type StatusFilter = 'active' | 'deactivated' | 'all'

function matches(user: UserRow, query: string) {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return [user.name, user.email, user.title, ...user.roles.map((r) => `${r.roleLabel} ${roleScopeLabel(r)}`)]
    .join(' ')
    .toLowerCase()
    .includes(q)
}

/** The district's users with their roles: search, add, edit, deactivate, grant and remove roles. */
export function UsersTable() {
  const { day } = useDistrictTime()
  const trpc = useTRPC()
  const { data: users } = useSuspenseQuery(trpc.org.users.queryOptions())
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<StatusFilter>('active')
  const [editing, setEditing] = useState<UserRow | null>(null)
  const [inviting, setInviting] = useState(false)
  const [rolesOf, setRolesOf] = useState<string | null>(null)
  const [deactivating, setDeactivating] = useState<UserRow | null>(null)
  const [temporaryFor, setTemporaryFor] = useState<UserRow | null>(null)
  const shown = useMemo(
    () =>
      users.filter(
        (u) => (status === 'all' || (status === 'active') === !u.deactivated) && matches(u, query),
      ),
    [users, query, status],
  )

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label="Search users"
            placeholder="Name, email, role or team"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={280}
          />
          <SegmentedControl
            aria-label="Show users"
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'deactivated', label: 'Deactivated' },
              { value: 'all', label: 'All' },
            ]}
          />
        </Group>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
          Invite user
        </Button>
      </Group>
      {shown.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={22} />}
          title={users.length === 0 ? 'No users yet' : 'No users match'}
        >
          {users.length === 0
            ? 'Invite the people of your district by email, with their role on the district or a team.'
            : 'Try another search, or show deactivated users too.'}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Caption>
              {shown.length} of {users.length} users
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Last sign-in</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {u.name}
                      {u.isSelf ? ' (you)' : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[u.email, u.title].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.roles.length === 0 ? (
                      <Text size="sm" c="orange.9">
                        No role yet
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {u.roles.map((r) => (
                          <Text key={r.membershipId} size="sm">
                            <Text span fw={600} size="sm">
                              {r.roleLabel}
                            </Text>{' '}
                            · {roleScopeLabel(r)}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {u.awaitingApproval ? (
                      <Badge color="yellow.3" c="dark.9" variant="filled">
                        Awaiting approval
                      </Badge>
                    ) : u.deactivated ? (
                      <Badge color="gray.7" variant="filled">
                        Deactivated
                      </Badge>
                    ) : (
                      <Badge color="green" c="green.9" variant="light">
                        Active
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.lastLoginAt ? day(u.lastLoginAt) : 'Never'}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setRolesOf(u.id)}>
                        Roles
                      </Button>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="xs" variant="subtle" px={6} aria-label={`More actions for ${u.name}`}>
                            <IconDots size={16} aria-hidden />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing(u)}>Edit name and title</Menu.Item>
                          <Menu.Item disabled={u.isSelf} onClick={() => setTemporaryFor(u)}>
                            Set a temporary password…
                          </Menu.Item>
                          <Menu.Item
                            color={u.deactivated ? undefined : 'red.9'}
                            disabled={u.isSelf}
                            onClick={() => setDeactivating(u)}
                          >
                            {u.awaitingApproval ? 'Approve…' : u.deactivated ? 'Reactivate…' : 'Deactivate…'}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null ? (
        <UserFormModal key={editing.id} user={editing} opened onClose={() => setEditing(null)} />
      ) : null}
      {inviting ? <InviteUserModal opened onClose={() => setInviting(false)} /> : null}
      {temporaryFor ? (
        <TemporaryPasswordModal user={temporaryFor} onClose={() => setTemporaryFor(null)} />
      ) : null}
      <PendingInvitations />
      <UserRolesDrawer user={users.find((u) => u.id === rolesOf) ?? null} onClose={() => setRolesOf(null)} />
      <DeactivateUserModal user={deactivating} onClose={() => setDeactivating(null)} />
    </Stack>
  )
}
