import { Anchor, Title } from '@mantine/core'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { data, Link } from 'react-router'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { ImportHistory } from '~/components/ImportHistory'
import { ImportWizard } from '~/components/ImportWizard'
import { Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
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
            Each import is recorded with the file’s name and what it changed, and can be undone for a week.
          </Text>
          <ImportHistory />
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
