import { Paper } from '@mantine/core'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/equity'
import { EquityMatrixLegend, EquityMatrixTable } from './components/equity-matrix-table'
import { DistrictNav } from './district-nav'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  return {
    dehydratedState: await prefetch(request, queryClient, [trpc.district.equityMatrix.queryOptions()]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Equity matrix · District · PDSA Tracker' }]

function EquityMatrixPage() {
  const trpc = useTRPC()
  const { data } = useSuspenseQuery(trpc.district.equityMatrix.queryOptions())
  return (
    <>
      <PageHeader
        title="Equity matrix"
        crumbs={[{ label: 'District', to: '/district' }, { label: 'Equity matrix' }]}
        description="Schools × student groups: where an equity goal names the group and whether its gap is narrowing, and where the data shows a large gap that no goal of the school addresses."
      />
      <DistrictNav />
      {data.rows.length === 0 || data.columns.length === 0 ? (
        <EmptyState title="Nothing to show yet">
          A district admin adds schools and student groups under Administration; the matrix fills in as
          schools write equity goals.
        </EmptyState>
      ) : (
        <Stack gap="md">
          <EquityMatrixLegend threshold={data.suppressionThreshold} />
          <Paper withBorder>
            <EquityMatrixTable matrix={data} />
          </Paper>
          <Text size="xs" c="dimmed">
            {data.largeGapRule}
          </Text>
        </Stack>
      )}
    </>
  )
}

export default function EquityRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <EquityMatrixPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
