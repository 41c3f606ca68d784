import { Alert, Badge, Button, Card, Code, Modal, Paper, Select, Switch, Title } from '@mantine/core'
import {
  IDENTITY_PROVIDER_KIND_LABELS,
  ROLE_LABELS,
  SSO_PROVISIONING,
  SSO_PROVISIONING_LABELS,
  type SsoProvisioning,
} from '@pdsa/domain'
import { IconKey, IconPlus } from '@tabler/icons-react'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { useRootData } from '~/root'
import { ProviderForm, type ProviderRow } from './ProviderForm'

/** Single sign-on for the district: its identity providers and who may sign in how (admins). */
export function SsoSettings() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data } = useSuspenseQuery(trpc.sso.providers.queryOptions())
  const [editing, setEditing] = useState<ProviderRow | null>(null)
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<ProviderRow | null>(null)
  // The server's own idea of its address (the callback it sends to providers), the same on the server and in
  // the browser: reading window.location here made the server-rendered text differ and hydration start over.
  const origin = useRootData()?.publicOrigin ?? ''
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sso.providers.pathKey() })
  const policyFeedback = mutationFeedback({ success: 'Sign-in policy saved.' })
  const policy = useMutation(
    trpc.sso.updatePolicy.mutationOptions({
      onError: policyFeedback.onError,
      onSuccess: async () => {
        policyFeedback.onSuccess()
        await refresh()
      },
    }),
  )
  const removeFeedback = mutationFeedback({ success: 'Identity provider removed.' })
  const remove = useMutation(
    trpc.sso.deleteProvider.mutationOptions({
      onError: removeFeedback.onError,
      onSuccess: async () => {
        removeFeedback.onSuccess()
        await refresh()
      },
    }),
  )
  const signInUrl = `${origin}/login?district=${data.policy.slug}`
  return (
    <Stack maw={880}>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={2} size="h4">
            Sign-in policy
          </Title>
          <Switch
            label="Require single sign-on"
            description="Passwords are refused for everyone but district admins, who keep theirs as a break-glass way in when the provider is down (each such sign-in is in the audit log)."
            checked={data.policy.ssoRequired}
            disabled={policy.isPending}
            onChange={(e) => policy.mutate({ ssoRequired: e.currentTarget.checked })}
          />
          <Select
            label="When someone signs in through a provider for the first time"
            data={SSO_PROVISIONING.map((p) => ({ value: p, label: SSO_PROVISIONING_LABELS[p] }))}
            value={data.policy.ssoProvisioning}
            allowDeselect={false}
            disabled={policy.isPending}
            onChange={(v) => v && policy.mutate({ ssoProvisioning: v as SsoProvisioning })}
            maw={560}
          />
          <Text size="sm">
            The district’s sign-in page, with its providers: <Code>{signInUrl}</Code>. People can also type
            their school email and choose “Sign in with single sign-on”.
          </Text>
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Identity providers
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          Add identity provider
        </Button>
      </Group>
      {data.providers.length === 0 ? (
        <EmptyState icon={<IconKey size={28} aria-hidden />} title="No identity provider yet">
          Add Google Workspace, Microsoft Entra ID, Clever or ClassLink so staff sign in with their district
          account.
        </EmptyState>
      ) : (
        data.providers.map((p) => (
          <Card key={p.id} withBorder padding="lg">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={600}>{p.displayName}</Text>
                  <Badge variant="light">{IDENTITY_PROVIDER_KIND_LABELS[p.kind].split(' (')[0]}</Badge>
                  {p.enabled ? null : (
                    <Badge color="gray.7" variant="filled">
                      Off
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {p.issuer} · client {p.clientId}
                </Text>
                <Text size="sm">
                  Domains: {p.allowedDomains.join(', ')} · New accounts:{' '}
                  {p.defaultRole ? ROLE_LABELS[p.defaultRole] : 'no role until granted'} · {p.linkedAccounts}{' '}
                  linked {p.linkedAccounts === 1 ? 'account' : 'accounts'}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                  Edit
                </Button>
                <Button size="xs" variant="default" c="red.9" onClick={() => setRemoving(p)}>
                  Remove
                </Button>
              </Group>
            </Group>
          </Card>
        ))
      )}
      {data.policy.ssoRequired && data.providers.every((p) => !p.enabled) ? (
        <Alert color="red" title="Nobody but admins can sign in">
          Single sign-on is required but no provider is on.
        </Alert>
      ) : null}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.displayName ?? ''}?`}
      >
        <Stack>
          <Text size="sm">
            People who signed in through it will need another way in; their accounts and work stay.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (removing) remove.mutate({ id: removing.id })
                setRemoving(null)
              }}
            >
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ProviderForm
        key={editing?.id ?? (adding ? 'new' : 'closed')}
        provider={editing}
        opened={adding || editing !== null}
        onClose={() => {
          setAdding(false)
          setEditing(null)
        }}
        callbackUrl={`${origin}/auth/sso/callback`}
      />
    </Stack>
  )
}
