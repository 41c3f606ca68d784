import { Button, Modal, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { ROLE_LABELS, ROLES, type Role } from '@pdsa/domain'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

const TEAM_ROLES: readonly Role[] = ['team_lead', 'team_member', 'coach']

/** Invites someone by email with their role (and team): they choose their own password from the link. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: schools } = useSuspenseQuery(trpc.org.schools.queryOptions({}))
  const form = useForm({
    initialValues: { name: '', email: '', title: '', role: 'team_member' as Role, teamId: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the person’s name.'),
      email: (v) => (/.+@.+\..+/.test(v) ? null : 'Enter an email address.'),
      teamId: (v, values) => (TEAM_ROLES.includes(values.role) && !v ? 'Choose the team.' : null),
    },
  })
  const feedback = mutationFeedback({
    success: 'Invitation sent. It is listed under Pending invitations until they accept.',
    onFieldErrors: form.setErrors,
  })
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.org.users.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.invitation.list.pathKey() }),
        ])
        onClose()
      },
    }),
  )
  const isTeamRole = TEAM_ROLES.includes(form.values.role)
  return (
    <Modal opened={opened} onClose={onClose} title="Invite someone">
      <form
        onSubmit={form.onSubmit((v) =>
          invite.mutate({
            name: v.name,
            email: v.email,
            title: v.title,
            role: v.role,
            teamId: TEAM_ROLES.includes(v.role) ? v.teamId || null : null,
          }),
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
          <TextInput
            label="Email"
            description="The invitation goes here; they sign in with it."
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput label="Title" description="Optional, e.g. Counselor." {...form.getInputProps('title')} />
          <Select
            label="Role"
            required
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            {...form.getInputProps('role')}
          />
          {isTeamRole ? (
            <Select
              label="Team"
              required
              searchable
              data={schools.map((s) => ({
                group: s.name,
                items: s.teams.map((t) => ({ value: t.id, label: `${t.name} (${s.name})` })),
              }))}
              {...form.getInputProps('teamId')}
            />
          ) : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
