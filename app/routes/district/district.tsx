import { Button, Paper, SimpleGrid, Title } from '@mantine/core'
import { IconPlus, IconTargetArrow } from '@tabler/icons-react'
import { HydrationBoundary, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { CountStat } from '~/components/CountStat'
import { DistrictGoalFormModal } from '~/components/DistrictGoalForm'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { type DistrictGoalRow, DistrictGoalsTable, SchoolOverview } from '~/components/SchoolOverview'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/district'
import { DistrictNav } from './district-nav'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  return { dehydratedState: await prefetch(request, queryClient, [trpc.district.overview.queryOptions()]) }
}

export const meta: Route.MetaFunction = () => [{ title: 'District overview · PDSA Tracker' }]

function DistrictPage() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data } = useSuspenseQuery(trpc.district.overview.queryOptions())
  const [editing, setEditing] = useState<DistrictGoalRow | 'new' | null>(null)
  const feedback = mutationFeedback({})
  const archive = useMutation(
    trpc.districtGoal.update.mutationOptions({
      onError: feedback.onError,
      onSuccess: (goal) => {
        mutationFeedback({
          success: goal.archived ? 'District goal archived.' : 'District goal restored.',
        }).onSuccess()
        return queryClient.invalidateQueries({ queryKey: trpc.district.pathKey() })
      },
    }),
  )
  const canManage = data.canManageDistrictGoals
  return (
    <>
      <PageHeader
        title="District overview"
        description={
          data.scope === 'district'
            ? 'Every school’s teams, their equity goals and how they align to the district’s goals, and their PDSA cycles.'
            : 'Your schools’ teams, their equity goals and how they align to the district’s goals, and their PDSA cycles.'
        }
      />
      <DistrictNav />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <CountStat label="Schools" value={data.totals.schools} />
          <CountStat label="Teams" value={data.totals.teams} />
          <CountStat label="Goals" value={data.totals.goals} />
          <CountStat label="Goals not aligned" value={data.totals.unalignedGoals} warn />
        </SimpleGrid>

        <section aria-labelledby="district-goals-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="district-goals-heading">
              District goals
            </Title>
            {canManage && data.districtGoals.length > 0 ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                New district goal
              </Button>
            ) : null}
          </Group>
          {data.districtGoals.length === 0 ? (
            <EmptyState
              icon={<IconTargetArrow size={22} />}
              title="No district goals yet"
              action={
                canManage ? (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                    Add a district goal
                  </Button>
                ) : null
              }
            >
              {canManage
                ? 'Add the district’s strategic priorities (e.g. from the LCAP) so every school goal can align to one.'
                : 'District leaders have not added the district’s strategic priorities yet.'}
            </EmptyState>
          ) : (
            <Paper withBorder>
              <DistrictGoalsTable
                goals={data.districtGoals}
                canManage={canManage}
                scope={data.scope}
                onEdit={setEditing}
                onArchive={(g) => archive.mutate({ id: g.id, archived: !g.archived })}
                archivingId={archive.isPending ? (archive.variables?.id ?? null) : null}
              />
            </Paper>
          )}
        </section>

        <section aria-labelledby="schools-heading">
          <Title order={2} size="h3" id="schools-heading" mb="sm">
            Schools
          </Title>
          {data.schools.length === 0 ? (
            <EmptyState title="No schools yet">
              A district admin adds schools and teams under Administration.
            </EmptyState>
          ) : (
            <Stack gap="md">
              {data.schools.map((school) => (
                <SchoolOverview key={school.id} school={school} canAddSchoolGoal={canManage} />
              ))}
            </Stack>
          )}
        </section>
      </Stack>
      {editing ? (
        <DistrictGoalFormModal
          goal={editing === 'new' ? null : editing}
          ownerOptions={data.ownerOptions}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  )
}

export default function DistrictRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <DistrictPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
