import { Button, SegmentedControl, Select } from '@mantine/core'
import { useForm } from '@mantine/form'
import { ROLE_LABELS, ROLES, type Role } from '@pdsa/domain'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages schools, teams, users, roles, student groups and the measures library.',
  district_leader: 'Sees everything, owns district goals, enters any school’s data, reads the audit log.',
  coach: 'Sees the teams they coach and gives feedback that asks for a response.',
  team_lead: 'Edits the team’s goals, cycles and data, and manages the team’s work.',
  team_member: 'Edits the team’s goals, cycles and data.',
  viewer: 'Reads, without changing anything.',
}

type Scope = 'district' | 'school' | 'team'
const SCOPES_FOR: Record<Role, Scope[]> = {
  admin: ['district'],
  district_leader: ['district'],
  coach: ['team', 'school', 'district'],
  team_lead: ['team'],
  team_member: ['team'],
  viewer: ['team', 'school', 'district'],
}
const SCOPE_LABELS: Record<Scope, string> = {
  district: 'Whole district',
  school: 'One school',
  team: 'One team',
}

/** Grants one role to a user: the role, then where it applies (district, a school or a team) as the role allows. */
export function GrantRoleForm({
  userId,
  userName,
  onDone,
}: {
  userId: string
  userName: string
  onDone?: () => void
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: schools } = useSuspenseQuery(trpc.org.schools.queryOptions({}))
  const form = useForm({
    initialValues: { role: 'team_member' as Role, scope: 'team' as Scope, schoolId: '', teamId: '' },
    validate: {
      schoolId: (v, values) => (values.scope === 'school' && !v ? 'Choose a school.' : null),
      teamId: (v, values) => (values.scope === 'team' && !v ? 'Choose a team.' : null),
    },
  })
  const feedback = mutationFeedback({
    success: `Role granted to ${userName}.`,
    onFieldErrors: form.setErrors,
  })
  const grant = useMutation(
    trpc.org.grantRole.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.org.users.pathKey() })
        onDone?.()
      },
    }),
  )
  const scopes = SCOPES_FOR[form.values.role]
  const teamOptions = schools
    .filter((s) => s.teams.some((t) => !t.archived))
    .map((s) => ({
      group: s.name,
      items: s.teams.filter((t) => !t.archived).map((t) => ({ value: t.id, label: t.name })),
    }))

  return (
    <form
      onSubmit={form.onSubmit((v) =>
        grant.mutate({
          userId,
          role: v.role,
          schoolId: v.scope === 'school' ? v.schoolId : null,
          teamId: v.scope === 'team' ? v.teamId : null,
        }),
      )}
    >
      <Stack gap="sm">
        <Select
          label="Role"
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          allowDeselect={false}
          description={ROLE_DESCRIPTIONS[form.values.role]}
          {...form.getInputProps('role')}
          onChange={(value) => {
            const role = (value ?? 'viewer') as Role
            form.setFieldValue('role', role)
            form.setFieldValue('scope', SCOPES_FOR[role][0] as Scope)
          }}
        />
        {scopes.length > 1 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600} id="grant-scope-label">
              Applies to
            </Text>
            <SegmentedControl
              aria-labelledby="grant-scope-label"
              data={scopes.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
              {...form.getInputProps('scope')}
            />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {scopes[0] === 'district' ? 'A district-wide role.' : 'A team role: choose the team.'}
          </Text>
        )}
        {form.values.scope === 'school' ? (
          <Select
            label="School"
            placeholder="Choose a school"
            searchable
            data={schools.map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('schoolId')}
          />
        ) : null}
        {form.values.scope === 'team' ? (
          <Select
            label="Team"
            placeholder="Choose a team"
            searchable
            nothingFoundMessage="No team with that name"
            data={teamOptions}
            {...form.getInputProps('teamId')}
          />
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={grant.isPending}>
            Grant role
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
