// /cycles/:cycleId/print: the printable PDSA worksheet of one cycle ("Print / save as PDF" uses the
// browser's print dialog). Reads the same procedures as the cycle page, so the same access applies.
import { Anchor, Button } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { HydrationBoundary, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group } from '~/components/Layout'
import { PrintableWorksheet } from '~/components/PrintableWorksheet'
import { PrintStyles } from '~/components/PrintStyles'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/print'

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  const dehydratedState = await prefetch(request, queryClient, [
    trpc.cycle.byId.queryOptions({ id: params.cycleId }),
    trpc.analytics.cycleVerdicts.queryOptions({ cycleId: params.cycleId }),
    trpc.analytics.cycleCharts.queryOptions({ cycleId: params.cycleId }),
  ])
  const cycle = queryClient.getQueryData(trpc.cycle.byId.queryKey({ id: params.cycleId }))
  return { dehydratedState, title: cycle ? `${cycle.title} (worksheet)` : 'Worksheet' }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.title ?? 'Worksheet'} · PDSA Tracker` },
]

function PrintPage({ cycleId }: { cycleId: string }) {
  const trpc = useTRPC()
  const { data: cycle } = useSuspenseQuery(trpc.cycle.byId.queryOptions({ id: cycleId }))
  const { data: verdicts } = useQuery(trpc.analytics.cycleVerdicts.queryOptions({ cycleId }))
  const { data: charts } = useQuery(trpc.analytics.cycleCharts.queryOptions({ cycleId }))
  return (
    <>
      <PrintStyles />
      <Group justify="space-between" mb="lg" data-print-hidden>
        <Anchor component={Link} to={`/cycles/${cycle.id}`}>
          <Group gap={4}>
            <IconArrowLeft size={16} aria-hidden />
            Back to the cycle
          </Group>
        </Anchor>
        <Group gap="sm">
          <Text size="sm" c="dimmed" visibleFrom="sm">
            Choose “Save as PDF” in the print dialog for a PDF.
          </Text>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            Print / save as PDF
          </Button>
        </Group>
      </Group>
      <PrintableWorksheet cycle={cycle} verdicts={verdicts ?? null} charts={charts ?? null} />
    </>
  )
}

export default function PrintRoute({ loaderData, params }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <PrintPage cycleId={params.cycleId} />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
