import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { UserRow } from './role-scope'

/** Adds a user (with an initial password) or edits one's name and title. */
export function UserFormModal({
  user,
  opened,
  onClose,
  onCreated,
}: {
  user: UserRow | null
  opened: boolean
  onClose: () => void
  onCreated?: (user: { id: string; name: string }) => void
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      title: user?.title ?? '',
      password: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the person’s name.'),
      email: (v) => (user || /.+@.+\..+/.test(v) ? null : 'Enter an email address.'),
      password: (v) => (user || v.length >= 12 ? null : 'At least 12 characters.'),
    },
  })
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.org.users.pathKey() })
  const createFeedback = mutationFeedback({
    success: 'User added. Now give them a role.',
    onFieldErrors: form.setErrors,
  })
  const create = useMutation(
    trpc.org.createUser.mutationOptions({
      onError: createFeedback.onError,
      onSuccess: async (created) => {
        createFeedback.onSuccess()
        await invalidate()
        onClose()
        onCreated?.(created)
      },
    }),
  )
  const updateFeedback = mutationFeedback({ success: 'User saved.', onFieldErrors: form.setErrors })
  const update = useMutation(
    trpc.org.updateUser.mutationOptions({
      onError: updateFeedback.onError,
      onSuccess: async () => {
        updateFeedback.onSuccess()
        await invalidate()
        onClose()
      },
    }),
  )

  return (
    <Modal opened={opened} onClose={onClose} title={user ? `Edit ${user.name}` : 'Add a user'}>
      <form
        onSubmit={form.onSubmit((v) =>
          user
            ? update.mutate({ id: user.id, name: v.name, title: v.title })
            : create.mutate({ name: v.name, email: v.email, title: v.title, password: v.password }),
        )}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          {user ? null : (
            <TextInput
              label="Email"
              description="They sign in with it. Each email can belong to one account only."
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
          )}
          <TextInput
            label="Title"
            description="Optional, e.g. Counselor, Assistant principal."
            {...form.getInputProps('title')}
          />
          {user ? null : (
            <PasswordInput
              label="Initial password"
              description="At least 12 characters. Tell them in person or by phone, not in the same email as the address."
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {user ? 'Save' : 'Add user'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
