import { Grid, Paper } from '@mantine/core'
import { HydrationBoundary, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { CommentsPanel } from '~/components/CommentsPanel'
import { CycleHeader } from '~/components/CycleHeader'
import { CycleLinkedMeasures } from '~/components/CycleLinkedMeasures'
import {
  ActSection,
  DoSection,
  PlanSection,
  StudySection,
  WorksheetCollaboration,
} from '~/components/CycleWorksheet'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Stack } from '~/components/Layout'
import { MethodChecks } from '~/components/MethodChecks'
import { StageStepper, TransitionPanel } from '~/components/StageStepper'
import { VersionHistory } from '~/components/VersionHistory'
import { AfterHydration } from '~/hooks/use-hydrated'
import { UnsavedChangesGuard } from '~/hooks/use-unsaved-changes'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/cycle'

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  // Comments and history render after hydration, and load then; so do the charts' points and the team's
  // options for the Plan section's forms (docs/decisions/027-…).
  const dehydratedState = await prefetch(request, queryClient, [
    trpc.cycle.byId.queryOptions({ id: params.cycleId }),
    trpc.analytics.cycleVerdicts.queryOptions({ cycleId: params.cycleId }),
  ])
  const cycle = queryClient.getQueryData(trpc.cycle.byId.queryKey({ id: params.cycleId }))
  return { dehydratedState, title: cycle ? `${cycle.title} · ${cycle.team.name}` : 'Cycle' }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? 'Cycle'} · PDSA Tracker` }]

function CyclePage({ cycleId }: { cycleId: string }) {
  const trpc = useTRPC()
  const { data: cycle } = useSuspenseQuery(trpc.cycle.byId.queryOptions({ id: cycleId }))
  const { data: options } = useQuery({
    ...trpc.cycle.formOptions.queryOptions({ teamId: cycle.team.id }),
    enabled: cycle.canEdit,
  })
  return (
    <UnsavedChangesGuard>
      <CycleHeader cycle={cycle} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="md">
              <Stack gap="md">
                <StageStepper stage={cycle.stage} />
                <TransitionPanel cycle={cycle} />
              </Stack>
            </Paper>
            <MethodChecks checks={cycle.methodChecks} />
            <WorksheetCollaboration cycle={cycle} />
            <PlanSection cycle={cycle} options={options} />
            <DoSection cycle={cycle} />
            <CycleLinkedMeasures cycle={cycle} />
            <StudySection cycle={cycle} />
            <ActSection cycle={cycle} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {/* Secondary to the worksheet: rendered after hydration (docs/decisions/027-…). */}
            <Paper withBorder p="md">
              <AfterHydration height={220}>
                <CommentsPanel target={{ cycleId: cycle.id }} />
              </AfterHydration>
            </Paper>
            <Paper withBorder p="md">
              <AfterHydration height={120}>
                <VersionHistory snapshots={cycle.snapshots} />
              </AfterHydration>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </UnsavedChangesGuard>
  )
}

export default function CycleRoute({ loaderData, params }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <CyclePage cycleId={params.cycleId} />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
