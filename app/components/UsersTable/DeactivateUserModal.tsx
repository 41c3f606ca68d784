import { Button, Modal } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { UserRow } from './role-scope'

/** Confirms deactivating (signs the person out everywhere, keeps their work) or reactivating a user. */
export function DeactivateUserModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const reactivating = user?.deactivated ?? false
  const approving = user?.awaitingApproval ?? false
  const verb = approving ? 'Approve' : reactivating ? 'Reactivate' : 'Deactivate'
  const feedback = mutationFeedback({
    success: approving ? 'Account approved.' : reactivating ? 'User reactivated.' : 'User deactivated.',
  })
  const update = useMutation(
    trpc.org.updateUser.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.org.users.pathKey() })
        onClose()
      },
    }),
  )
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `${verb} ${user.name}?` : ''}>
      <Stack gap="md">
        <Text size="sm">
          {approving
            ? `${user?.email} signed in through your district’s identity provider for the first time. Approving lets them in with the roles they hold (check them under Roles).`
            : reactivating
              ? 'They can sign in again with their password and get back the roles they still hold.'
              : 'They are signed out everywhere at once and cannot sign in. Their goals, cycles, comments and data stay, and their roles are kept in case you reactivate them.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={reactivating ? undefined : 'red'}
            loading={update.isPending}
            onClick={() => user && update.mutate({ id: user.id, deactivated: !reactivating })}
          >
            {verb}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
