import {
  Badge,
  Button,
  Grid,
  Paper,
  Select,
  Table,
  Tabs,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { canAdministerDistrict } from '@pdsa/domain'
import { IconMail, IconSearch } from '@tabler/icons-react'
import { HydrationBoundary, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { data, useSearchParams } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { useTRPC } from '~/lib/trpc'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/outbox'

const filtersFrom = (params: URLSearchParams) => ({
  recipient: params.get('recipient') ?? '',
  template: params.get('template') ?? '',
})

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context, request)
  if (!canAdministerDistrict(actor)) {
    throw data({ message: 'The outbox is for district admins.' }, { status: 403 })
  }
  const { trpc, queryClient } = serverTrpc(context)
  return {
    dehydratedState: await prefetch(request, queryClient, [
      trpc.outbox.list.queryOptions(filtersFrom(new URL(request.url).searchParams)),
    ]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Outbox · PDSA Tracker' }]

const TEMPLATE_LABELS: Record<string, string> = {
  invitation: 'Invitation',
  password_reset: 'Password reset',
  notification: 'Notification',
  notification_digest: 'Notification digest',
}
const STATUS_COLORS: Record<string, string> = {
  sent: 'green.9',
  queued: 'blue.9',
  sending: 'blue.9',
  failed: 'red.9',
}
function Message({ id }: { id: string }) {
  const trpc = useTRPC()
  const { dateTime: when } = useDistrictTime()
  const { data: email, isPending } = useQuery(trpc.outbox.byId.queryOptions({ id }))
  if (isPending || !email) return <Text c="dimmed">Loading the message…</Text>
  return (
    <Stack gap="sm" aria-label="Message" role="region">
      <Title order={2} size="h4">
        {email.subject}
      </Title>
      <Text size="sm">
        To <strong>{email.toAddress}</strong> · {when(email.createdAt)} ·{' '}
        {email.status === 'sent'
          ? email.deliveredVia === 'outbox'
            ? 'kept in the outbox (no SMTP server set)'
            : `sent ${email.sentAt ? when(email.sentAt) : ''}`
          : email.status}
        {email.attempts > 1 ? ` · ${email.attempts} attempts` : ''}
      </Text>
      {email.lastError ? (
        <Text size="sm" c="red.9">
          Last error: {email.lastError}
        </Text>
      ) : null}
      {Object.entries(email.headers).map(([k, v]) => (
        <Text key={k} size="xs" ff="monospace">
          {k}: {v}
        </Text>
      ))}
      <Tabs defaultValue="html" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="html">HTML</Tabs.Tab>
          <Tabs.Tab value="text">Plain text</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="sm">
          <iframe
            title={`HTML of “${email.subject}”`}
            sandbox=""
            srcDoc={email.html}
            style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Paper withBorder p="sm">
            <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {email.text}
            </Text>
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function Outbox() {
  const trpc = useTRPC()
  const { dateTime: when } = useDistrictTime()
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const { data: page } = useSuspenseQuery(trpc.outbox.list.queryOptions(filters))
  const selected = params.get('message') ?? page.emails[0]?.id ?? null
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key !== 'message') next.delete('message')
    setParams(next, { replace: true })
  }
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email the app sent to people of the district, newest first: invitations, password resets and notifications. Without an SMTP server (SMTP_URL) this is where they stay."
        crumbs={[{ label: 'Administration', to: '/admin' }, { label: 'Outbox' }]}
      />
      <Group align="flex-end" mb="md">
        <TextInput
          label="Recipient"
          placeholder="Part of an email address"
          leftSection={<IconSearch size={16} aria-hidden />}
          defaultValue={filters.recipient}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setParam('recipient', e.currentTarget.value.trim())
          }}
          onBlur={(e) => setParam('recipient', e.currentTarget.value.trim())}
          w={260}
        />
        <Select
          label="Kind"
          placeholder="All kinds"
          clearable
          data={page.templates.map((t) => ({ value: t, label: TEMPLATE_LABELS[t] ?? t }))}
          value={filters.template || null}
          onChange={(v) => setParam('template', v)}
          w={200}
        />
      </Group>
      {page.emails.length === 0 ? (
        <EmptyState icon={<IconMail size={22} />} title="No emails here yet">
          {filters.recipient || filters.template
            ? 'No email matches these filters: clear them to see all.'
            : 'Invite someone under Administration → Users and roles: their invitation email shows up here.'}
        </EmptyState>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Caption>
                {page.emails.length === 1 ? '1 email' : `${page.emails.length} emails`}, newest first
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.emails.map((e) => (
                  <Table.Tr key={e.id} bg={e.id === selected ? 'var(--mantine-color-blue-0)' : undefined}>
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => setParam('message', e.id)}
                        aria-current={e.id === selected ? 'true' : undefined}
                      >
                        <Text size="sm" fw={600}>
                          {e.subject}
                        </Text>
                        <Text size="xs" c="gray.8">
                          {e.toAddress} · {TEMPLATE_LABELS[e.template] ?? e.template} · {when(e.createdAt)}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={STATUS_COLORS[e.status] ?? 'gray.9'}>
                        {e.deliveredVia === 'outbox' ? 'in outbox' : e.status}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {page.nextCursor ? (
              <Button variant="default" mt="sm" disabled>
                Older emails: narrow the filters
              </Button>
            ) : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>{selected ? <Message id={selected} /> : null}</Grid.Col>
        </Grid>
      )}
    </>
  )
}

export default function OutboxRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <Outbox />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
