import { Anchor, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { HydrationBoundary, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { data, Link } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { ImportWizard } from '~/components/ImportWizard'
import { PageHeader } from '~/components/PageHeader'
import { useTRPC } from '~/lib/trpc'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import { useRootData } from '~/root'
import type { Route } from './+types/import'

export async function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context, request)
  const { trpc, queryClient } = serverTrpc(context)
  const dehydratedState = await prefetch(request, queryClient, [
    trpc.data.options.queryOptions(),
    trpc.data.importHistory.queryOptions({ limit: 10 }),
  ])
  const options = queryClient.getQueryData(trpc.data.options.queryKey())
  if (!options?.canImport) {
    throw data(
      {
        message:
          'Only team leads and team members (for their own school) and district leaders can import data.',
      },
      { status: 403 },
    )
  }
  return { dehydratedState }
}

export const meta: Route.MetaFunction = () => [{ title: 'Import data · PDSA Tracker' }]

function History() {
  const trpc = useTRPC()
  const { data: history } = useQuery(trpc.data.importHistory.queryOptions({ limit: 10 }))
  if (!history) return null
  if (history.batches.length === 0) {
    return (
      <EmptyState icon={<IconFileImport size={22} />} title="No imports yet">
        Choose a CSV file above: you will see what it would change before anything is written.
      </EmptyState>
    )
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder aria-label="Recent imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th ta="right">New</Table.Th>
            <Table.Th ta="right">Changed</Table.Th>
            <Table.Th ta="right">Unchanged</Table.Th>
            <Table.Th ta="right">Skipped</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.batches.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.fileName}</Table.Td>
              <Table.Td>{b.createdAt.slice(0, 16).replace('T', ' ')} UTC</Table.Td>
              <Table.Td>{b.createdBy}</Table.Td>
              <Table.Td ta="right">{b.inserted.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{b.updated.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{b.unchanged.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{b.skipped.toLocaleString('en-US')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function ImportPage() {
  const trpc = useTRPC()
  const root = useRootData()
  const { data: options } = useSuspenseQuery(trpc.data.options.queryOptions())
  return (
    <>
      <PageHeader
        title="Import data"
        description={
          <>
            Add or correct observations from a spreadsheet. Rows are matched on measure, school, student group
            and period, so importing the same file twice changes nothing. To download data, go to{' '}
            <Anchor component={Link} to="/data/export" underline="always">
              Export data
            </Anchor>
            .
          </>
        }
      />
      <Stack gap="xl">
        <ImportWizard csrfToken={root?.csrfToken ?? null} options={options} />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Recent imports
          </Title>
          <Text size="sm" c="dimmed">
            Each import is recorded with the file’s name and what it changed.
          </Text>
          <History />
        </Stack>
      </Stack>
    </>
  )
}

export default function ImportRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <ImportPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
