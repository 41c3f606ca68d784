import { ActionIcon, Badge, Divider, Drawer, Title, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { GrantRoleForm } from '~/components/GrantRoleForm'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { roleScopeLabel, type UserRow } from './role-scope'

/** A user's roles, each with a remove button, and the form to grant another. */
export function UserRolesDrawer({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const feedback = mutationFeedback({ success: 'Role removed.' })
  const revoke = useMutation(
    trpc.org.revokeRole.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.org.users.pathKey() })
      },
    }),
  )
  return (
    <Drawer
      opened={user !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={user ? `Roles of ${user.name}` : 'Roles'}
    >
      {user ? (
        <Stack gap="md">
          {user.roles.length === 0 ? (
            <Text size="sm" c="dimmed">
              No roles yet: {user.name} can sign in but sees nothing until you grant a role.
            </Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {user.roles.map((r) => (
                <Group key={r.membershipId} component="li" justify="space-between" wrap="nowrap">
                  <div>
                    <Badge variant="light" size="sm">
                      {r.roleLabel}
                    </Badge>
                    <Text size="sm" mt={2}>
                      {roleScopeLabel(r)}
                    </Text>
                  </div>
                  <Tooltip label="Remove this role">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${r.roleLabel} (${roleScopeLabel(r)})`}
                      loading={revoke.isPending && revoke.variables?.membershipId === r.membershipId}
                      onClick={() => revoke.mutate({ membershipId: r.membershipId })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
            </Stack>
          )}
          <Divider />
          <Title order={3} size="h5">
            Grant a role
          </Title>
          <GrantRoleForm userId={user.id} userName={user.name} />
        </Stack>
      ) : null}
    </Drawer>
  )
}
