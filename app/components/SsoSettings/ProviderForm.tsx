import {
  Alert,
  Button,
  Code,
  CopyButton,
  List,
  Modal,
  PasswordInput,
  Select,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  IDENTITY_PROVIDER_KIND_LABELS,
  IDENTITY_PROVIDER_KINDS,
  type IdentityProviderKind,
  suggestedIssuer,
} from '@pdsa/domain'
import { IconAlertCircle, IconCircleCheck, IconCircleX } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'

export type ProviderRow = RouterOutputs['sso']['providers']['providers'][number]

const ROLE_OPTIONS = [
  { value: 'none', label: 'No role until an admin grants one' },
  { value: 'viewer', label: 'Viewer (read-only, whole district)' },
  { value: 'district_leader', label: 'District leader' },
]

/** Add or edit an identity provider. The client secret is write-only: editing keeps it unless replaced. */
export function ProviderForm({
  provider,
  opened,
  onClose,
  callbackUrl,
}: {
  provider: ProviderRow | null
  opened: boolean
  onClose: () => void
  callbackUrl: string
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const editing = provider !== null
  const form = useForm({
    initialValues: {
      kind: (provider?.kind ?? 'google') as IdentityProviderKind,
      displayName: provider?.displayName ?? IDENTITY_PROVIDER_KIND_LABELS.google,
      issuer: provider?.issuer ?? suggestedIssuer('google'),
      clientId: provider?.clientId ?? '',
      clientSecret: '',
      allowedDomains: provider?.allowedDomains ?? ([] as string[]),
      defaultRole: provider?.defaultRole ?? 'none',
      enabled: provider?.enabled ?? true,
    },
    validate: {
      displayName: (v) => (v.trim() ? null : 'Name the provider as people will see it on the sign-in page.'),
      issuer: (v) => (v.trim() ? null : 'Enter the issuer URL.'),
      clientId: (v) => (v.trim() ? null : 'Enter the client id the provider gave you.'),
      clientSecret: (v) => (editing || v.trim() ? null : 'Enter the client secret the provider gave you.'),
      allowedDomains: (v) => (v.length > 0 ? null : 'Name at least one email domain.'),
    },
  })
  const close = () => {
    form.reset()
    test.reset()
    onClose()
  }
  const feedback = mutationFeedback({
    success: editing ? 'Identity provider saved.' : 'Identity provider added.',
    onFieldErrors: (errors) => form.setErrors(errors),
  })
  const onSuccess = async () => {
    feedback.onSuccess()
    await queryClient.invalidateQueries({ queryKey: trpc.sso.providers.pathKey() })
    close()
  }
  const create = useMutation(
    trpc.sso.createProvider.mutationOptions({ onError: feedback.onError, onSuccess }),
  )
  const update = useMutation(
    trpc.sso.updateProvider.mutationOptions({ onError: feedback.onError, onSuccess }),
  )
  const test = useMutation(trpc.sso.testConnection.mutationOptions({ onError: mutationFeedback({}).onError }))
  const submit = form.onSubmit((v) => {
    const common = {
      displayName: v.displayName,
      issuer: v.issuer,
      clientId: v.clientId,
      allowedDomains: v.allowedDomains,
      defaultRole: v.defaultRole === 'none' ? null : (v.defaultRole as 'viewer' | 'district_leader'),
      enabled: v.enabled,
    }
    if (provider)
      update.mutate({
        id: provider.id,
        ...common,
        ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
      })
    else create.mutate({ kind: v.kind, ...common, clientSecret: v.clientSecret })
  })
  const report = test.data
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? `Edit ${provider.displayName}` : 'Add an identity provider'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing ? (
            <Select
              label="Provider"
              data={IDENTITY_PROVIDER_KINDS.map((k) => ({
                value: k,
                label: IDENTITY_PROVIDER_KIND_LABELS[k],
              }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              onChange={(value) => {
                const kind = (value ?? 'oidc') as IdentityProviderKind
                form.setValues({
                  kind,
                  issuer: suggestedIssuer(kind),
                  displayName: kind === 'oidc' ? '' : IDENTITY_PROVIDER_KIND_LABELS[kind],
                })
              }}
            />
          ) : null}
          <TextInput label="Name on the sign-in page" required {...form.getInputProps('displayName')} />
          <TextInput
            label="Issuer"
            description={
              form.values.kind === 'microsoft'
                ? 'Replace <tenant-id> with your Entra tenant id (Microsoft Entra admin center → Overview).'
                : 'The provider’s issuer or its …/.well-known/openid-configuration address.'
            }
            required
            {...form.getInputProps('issuer')}
          />
          <Group align="flex-start" grow>
            <TextInput label="Client id" required autoComplete="off" {...form.getInputProps('clientId')} />
            <PasswordInput
              label="Client secret"
              required={!editing}
              autoComplete="new-password"
              description={
                editing
                  ? 'Leave empty to keep the stored secret (it is never shown).'
                  : 'Stored encrypted; never shown again.'
              }
              {...form.getInputProps('clientSecret')}
            />
          </Group>
          <TagsInput
            label="Allowed email domains"
            description="Only verified addresses in these domains can sign in. Press Enter after each."
            placeholder="riverbend.k12.ca.us"
            splitChars={[',', ' ']}
            {...form.getInputProps('allowedDomains')}
          />
          <Select
            label="Role for accounts this provider creates"
            description="Used only when the district lets single sign-on create accounts."
            data={ROLE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('defaultRole')}
          />
          <Switch
            label="Offer this provider on the sign-in page"
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Redirect URI to register with the provider
            </Text>
            <Group gap="xs">
              <Code>{callbackUrl}</Code>
              <CopyButton value={callbackUrl}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
          {report ? (
            report.ok ? (
              <Alert
                color="green"
                icon={<IconCircleCheck size={18} />}
                title="The provider answered correctly"
              >
                <List size="sm" spacing={2}>
                  {report.checks.map((c) => (
                    <List.Item key={c.label}>{c.label}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Alert
                color="red"
                icon={<IconAlertCircle size={18} />}
                title="Connection test failed"
                role="alert"
              >
                <Text size="sm">{report.problem}</Text>
                {report.checks.length > 0 ? (
                  <List size="sm" spacing={2} mt="xs">
                    {report.checks.map((c) => (
                      <List.Item
                        key={c.label}
                        icon={
                          c.ok ? (
                            <IconCircleCheck size={14} aria-hidden />
                          ) : (
                            <IconCircleX size={14} aria-hidden />
                          )
                        }
                      >
                        {c.label}: {c.ok ? 'ok' : 'missing'}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Alert>
            )
          ) : null}
          <Group justify="space-between">
            <Button
              variant="default"
              loading={test.isPending}
              onClick={() => {
                if (!form.validateField('issuer').hasError) test.mutate({ issuer: form.values.issuer })
              }}
            >
              Test connection
            </Button>
            <Group>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {editing ? 'Save' : 'Add provider'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
