import { Button, Modal, PasswordInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { UserRow } from './role-scope'

/** The only admin-typed password: temporary, changed by its owner at the next sign-in. */
export function TemporaryPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const trpc = useTRPC()
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 12 ? null : 'At least 12 characters.') },
  })
  const feedback = mutationFeedback({
    success: `Temporary password set. ${user.name} chooses their own at the next sign-in.`,
    onFieldErrors: form.setErrors,
  })
  const set = useMutation(
    trpc.invitation.setTemporaryPassword.mutationOptions({
      onError: feedback.onError,
      onSuccess: () => {
        feedback.onSuccess()
        onClose()
      },
    }),
  )
  return (
    <Modal opened onClose={onClose} title={`Set a temporary password for ${user.name}`}>
      <form onSubmit={form.onSubmit((v) => set.mutate({ userId: user.id, password: v.password }))}>
        <Stack gap="sm">
          <Text size="sm">
            For someone who cannot receive email. Tell them in person or by phone. Their sessions end now, and
            the next sign-in asks them to choose their own password. Usually “Forgot password?” on the sign-in
            page is the better way.
          </Text>
          <PasswordInput
            label="Temporary password"
            description="At least 12 characters."
            required
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={set.isPending}>
              Set temporary password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
