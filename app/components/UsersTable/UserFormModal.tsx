import { Button, Modal, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { UserRow } from './role-scope'

/** Edits a user's name and title (new people are invited: InviteUserModal). */
export function UserFormModal({
  user,
  opened,
  onClose,
}: {
  user: UserRow
  opened: boolean
  onClose: () => void
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { name: user.name, title: user.title },
    validate: { name: (v) => (v.trim() ? null : 'Enter the person’s name.') },
  })
  const feedback = mutationFeedback({ success: 'User saved.', onFieldErrors: form.setErrors })
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
    <Modal opened={opened} onClose={onClose} title={`Edit ${user.name}`}>
      <form onSubmit={form.onSubmit((v) => update.mutate({ id: user.id, name: v.name, title: v.title }))}>
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Title"
            description="Optional, e.g. Counselor, Assistant principal."
            {...form.getInputProps('title')}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
