import { Button, SimpleGrid, Title } from '@mantine/core'
import { IconFilterOff, IconUsersGroup } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import {
  applyFilters,
  FeedbackModal,
  type FeedbackTarget,
  filtersFromParams,
  PortfolioCyclesTable,
  type PortfolioFilters,
  PortfolioFiltersBar,
  PortfolioTeamCard,
  paramsFromFilters,
} from '~/components/CoachPortfolio'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { keepDataWhenOnlySearchChanges } from '~/lib/revalidate'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/coach'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  return { dehydratedState: await prefetch(request, queryClient, [trpc.coach.portfolio.queryOptions()]) }
}

const ROWS_SHOWN = 25

// The filters and sort are applied in the browser: a change of them alone does not reload the data.
export const shouldRevalidate = keepDataWhenOnlySearchChanges

export const meta: Route.MetaFunction = () => [{ title: 'Coach portfolio · PDSA Tracker' }]

function CoachPortfolioPage() {
  const trpc = useTRPC()
  const { data } = useSuspenseQuery(trpc.coach.portfolio.queryOptions())
  const [params, setParams] = useSearchParams()
  const filters = filtersFromParams(params)
  const [feedbackOn, setFeedbackOn] = useState<FeedbackTarget | null>(null)
  const setFilters = (next: PortfolioFilters) =>
    setParams(paramsFromFilters(next), { replace: true, preventScrollReset: true })
  const cycles = useMemo(() => applyFilters(data.cycles, filters), [data.cycles, filters])
  // The first rows only (a portfolio of 20 teams has hundreds of cycles); more on request, reset by filters.
  const [shown, setShown] = useState({ key: params.toString(), count: ROWS_SHOWN })
  const count = shown.key === params.toString() ? shown.count : ROWS_SHOWN
  const visible = cycles.slice(0, count)
  const schools = useMemo(
    () => [...new Map(data.teams.map((t) => [t.school.id, t.school])).values()],
    [data.teams],
  )
  if (data.teams.length === 0) {
    return (
      <>
        <PageHeader title="Coach portfolio" />
        <EmptyState icon={<IconUsersGroup size={22} />} title="No teams assigned yet">
          You are not assigned as coach to any active team. Ask your district admin to assign you to the teams
          you support.
        </EmptyState>
      </>
    )
  }
  return (
    <>
      <PageHeader
        title="Coach portfolio"
        description="Every cycle of the teams you coach: where it stands, how long since anyone edited it, what the method checks flag, what its measures show, and the feedback the team still has to answer."
      />
      <Group gap="lg" mb="md">
        <Text size="sm">
          <strong>{plural(data.totals.teams, 'team')}</strong> ·{' '}
          <strong>{plural(data.totals.cycles, 'cycle')}</strong>
        </Text>
        <Text size="sm" c={data.totals.needsAttention ? 'orange.9' : 'dimmed'}>
          <strong>{plural(data.totals.needsAttention, 'cycle')}</strong>{' '}
          {data.totals.needsAttention === 1 ? 'needs' : 'need'} attention
        </Text>
        <Text size="sm" c={data.totals.openFeedback ? 'red.9' : 'dimmed'}>
          <strong>{plural(data.totals.openFeedback, 'piece')}</strong> of feedback awaiting a response
        </Text>
        <Text size="sm" c={data.totals.awaitingReview ? 'blue.9' : 'dimmed'}>
          <strong>{plural(data.totals.awaitingReview, 'reply', 'replies')}</strong> for you to accept or
          re-open
        </Text>
      </Group>
      <Stack gap="xl">
        {/* The cycles (and their feedback column, the coach's main action) come first, in view on arrival;
            the team cards, a summary per team, follow. */}
        <section aria-labelledby="cycles-heading">
          <Title order={2} size="h3" id="cycles-heading" mb="sm">
            Cycles
          </Title>
          <PortfolioFiltersBar value={filters} teams={data.teams} schools={schools} onChange={setFilters} />
          <Text size="sm" c="dimmed" mb="xs" role="status">
            {cycles.length === data.totals.cycles
              ? `Showing all ${plural(cycles.length, 'cycle')}`
              : `${plural(cycles.length, 'cycle')} of ${data.totals.cycles} match`}
            {visible.length < cycles.length ? ` (first ${visible.length} listed)` : ''}
          </Text>
          {cycles.length === 0 ? (
            <EmptyState icon={<IconFilterOff size={22} />} title="No cycles match these filters">
              {data.totals.cycles === 0
                ? 'Your teams have not started a cycle yet.'
                : 'Clear a filter or pick another team to see more cycles.'}
            </EmptyState>
          ) : (
            <>
              <PortfolioCyclesTable
                cycles={visible}
                onGiveFeedback={(c) => setFeedbackOn({ id: c.id, title: c.title, teamName: c.team.name })}
              />
              {cycles.length > visible.length ? (
                <Button
                  variant="default"
                  mt="sm"
                  onClick={() => setShown({ key: params.toString(), count: count + ROWS_SHOWN })}
                >
                  Show {Math.min(ROWS_SHOWN, cycles.length - visible.length)} more of{' '}
                  {cycles.length - visible.length} remaining
                </Button>
              ) : null}
            </>
          )}
        </section>
        <section aria-labelledby="teams-heading">
          <Title order={2} size="h3" id="teams-heading" mb="sm">
            Teams
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }}>
            {data.teams.map((team) => (
              <PortfolioTeamCard
                key={team.id}
                team={team}
                calibrationRule={data.calibrationRule}
                onShowCycles={() => {
                  setFilters({ sort: filters.sort, team: team.id })
                  document.getElementById('cycles-heading')?.scrollIntoView({ block: 'start' })
                }}
              />
            ))}
          </SimpleGrid>
        </section>
      </Stack>
      <FeedbackModal cycle={feedbackOn} onClose={() => setFeedbackOn(null)} />
    </>
  )
}

export default function CoachRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <CoachPortfolioPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
