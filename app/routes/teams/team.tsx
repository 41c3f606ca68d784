import { Badge, Paper, SimpleGrid, Title } from '@mantine/core'
import { IconTarget } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { CycleBoard } from '~/components/CycleBoard'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { GoalCard } from '~/components/GoalCard'
import { NewGoalButton } from '~/components/GoalForm'
import { Group, Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/team'

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  const dehydratedState = await prefetch(request, queryClient, [
    trpc.org.teamById.queryOptions({ id: params.teamId }),
    trpc.goal.list.queryOptions({ teamId: params.teamId }),
    trpc.cycle.board.queryOptions({ teamId: params.teamId }),
  ])
  const team = queryClient.getQueryData(trpc.org.teamById.queryKey({ id: params.teamId }))
  return { dehydratedState, title: team ? `${team.name} · ${team.school.name}` : 'Team' }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? 'Team'} · PDSA Tracker` }]

function TeamWorkspace({ teamId }: { teamId: string }) {
  const trpc = useTRPC()
  const { data: team } = useSuspenseQuery(trpc.org.teamById.queryOptions({ id: teamId }))
  const { data: goals } = useSuspenseQuery(trpc.goal.list.queryOptions({ teamId }))
  return (
    <>
      <PageHeader
        title={team.name}
        description={team.description || undefined}
        crumbs={[{ label: team.school.name }, { label: team.name }]}
        badge={team.canEdit ? null : <Badge variant="light">Read only</Badge>}
      />
      <Stack gap="xl">
        <section aria-labelledby="goals-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="goals-heading">
              Equity goals
            </Title>
            {team.canEdit ? <NewGoalButton schoolId={team.school.id} teamId={team.id} /> : null}
          </Group>
          {goals.length === 0 ? (
            <EmptyState icon={<IconTarget size={22} />} title="No goals yet">
              Write an aim statement: what will improve, for which students, compared with whom, by how much
              and by when.
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {goals.map((g) => (
                <GoalCard key={g.id} goal={g} />
              ))}
            </SimpleGrid>
          )}
        </section>
        <CycleBoard teamId={team.id} canEdit={team.canEdit} />
        <section aria-labelledby="members-heading">
          <Title order={2} size="h3" id="members-heading" mb="sm">
            Team
          </Title>
          <Paper withBorder p="md">
            <Group gap="xl">
              {team.members.map((m) => (
                <div key={m.id}>
                  <Text fw={600} size="sm">
                    {m.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[m.title, ...m.roles].filter(Boolean).join(' · ')}
                  </Text>
                </div>
              ))}
            </Group>
          </Paper>
        </section>
      </Stack>
    </>
  )
}

export default function TeamRoute({ loaderData, params }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <TeamWorkspace teamId={params.teamId} />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
