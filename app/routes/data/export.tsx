import { Anchor } from '@mantine/core'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { ExportPanel } from '~/components/ExportPanel'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { PageHeader } from '~/components/PageHeader'
import { useTRPC } from '~/lib/trpc'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/export'

export async function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context, request)
  const { trpc, queryClient } = serverTrpc(context)
  return { dehydratedState: await prefetch(request, queryClient, [trpc.data.options.queryOptions()]) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Export data · PDSA Tracker' }]

function ExportPage() {
  const trpc = useTRPC()
  const { data: options } = useSuspenseQuery(trpc.data.options.queryOptions())
  return (
    <>
      <PageHeader
        title="Export data"
        description={
          <>
            Download observations and PDSA cycles as CSV files for spreadsheets and reports. To print one
            cycle’s worksheet, open the cycle and choose “Print worksheet”.
            {options.canImport ? (
              <>
                {' '}
                To add data from a file, go to{' '}
                <Anchor component={Link} to="/data/import" underline="always">
                  Import data
                </Anchor>
                .
              </>
            ) : null}
          </>
        }
      />
      <ExportPanel options={options} />
    </>
  )
}

export default function ExportRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <ExportPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
