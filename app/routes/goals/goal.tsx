import { Badge, Button, Paper, Tabs, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { formatIsoDate, formatMeasureChange, type MeasureUnit } from '@pdsa/domain'
import { IconArchive, IconArchiveOff, IconEdit } from '@tabler/icons-react'
import { HydrationBoundary, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { ChangeIdeaRamp, DriverDiagram } from '~/components/DriverDiagram'
import { DriverTree } from '~/components/DriverTree'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { GoalFormModal } from '~/components/GoalForm'
import { GoalSummary } from '~/components/GoalSummary'
import { Group, Stack } from '~/components/Layout'
import { LinkedMetricView } from '~/components/LinkedMetricView'
import { PageHeader } from '~/components/PageHeader'
import { PrintStyles } from '~/components/PrintStyles'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import { AfterHydration } from '~/hooks/use-hydrated'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { RouterOutputs } from '~/lib/types'
import type { Route } from './+types/goal'

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  await prefetch(request, queryClient, [
    trpc.goal.byId.queryOptions({ id: params.goalId }),
    trpc.goal.diagram.queryOptions({ id: params.goalId }),
  ])
  const goal = queryClient.getQueryData(trpc.goal.byId.queryKey({ id: params.goalId }))
  // The linked-metric chart's series is loaded by the browser after hydration: the server cannot draw the
  // chart, and its points were a third of the page (docs/decisions/027-server-throughput-and-page-weight.md).
  const dehydratedState = await prefetch(
    request,
    queryClient,
    goal ? [trpc.analytics.goalProgress.queryOptions({ goalId: goal.id })] : [],
  )
  return { dehydratedState, title: goal?.title ?? 'Goal' }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? 'Goal'} · PDSA Tracker` }]

const STATUS_BADGE: Record<string, { label: string; color: string } | undefined> = {
  draft: { label: 'Draft', color: 'gray.7' },
  met: { label: 'Met', color: 'green.9' },
  archived: { label: 'Archived', color: 'gray.7' },
}

function ArchiveButton({ goal }: { goal: RouterOutputs['goal']['byId'] }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const archived = goal.status === 'archived'
  const feedback = mutationFeedback({ success: archived ? 'Goal restored.' : 'Goal archived.' })
  const archive = useMutation(
    trpc.goal.archive.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() })
      },
    }),
  )
  return (
    <Button
      variant="default"
      leftSection={
        archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
      }
      loading={archive.isPending}
      onClick={() => archive.mutate({ id: goal.id, archived: !archived })}
    >
      {archived ? 'Restore goal' : 'Archive goal'}
    </Button>
  )
}

type Progress = RouterOutputs['analytics']['goalProgress']

/** Whether the gap narrowed since the baseline date: the gap verdict in words, with the latest gap. */
function GapVerdict({ progress }: { progress: Progress }) {
  const gap = progress.gap
  const unit = progress.measure.unit as MeasureUnit
  return (
    <Paper withBorder p="md" component="article" aria-labelledby="gap-verdict-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={3} size="h5" id="gap-verdict-heading">
              Equity gap: {gap.focalGroupName} compared with {gap.referenceName}
            </Title>
            <Text size="xs" c="dimmed">
              Since {formatIsoDate(gap.since, 'short')} (the goal’s baseline date)
              {gap.latestGap !== null && gap.latestPeriod
                ? ` · latest gap ${formatMeasureChange(gap.latestGap, unit)} (${formatIsoDate(gap.latestPeriod, 'short')})`
                : ''}
            </Text>
          </div>
          <VerdictBadge verdict={gap.verdict} />
        </Group>
        <Text size="sm" fw={500}>
          {gap.message}
        </Text>
      </Stack>
    </Paper>
  )
}

function GoalAnalytics({
  goal,
  diagram,
}: {
  goal: RouterOutputs['goal']['byId']
  diagram: RouterOutputs['goal']['diagram']
}) {
  const trpc = useTRPC()
  const { data: progress } = useSuspenseQuery(trpc.analytics.goalProgress.queryOptions({ goalId: goal.id }))
  return (
    <>
      <section aria-labelledby="progress-heading">
        <Title order={2} size="h3" id="progress-heading" mb="sm">
          Progress and equity gap
        </Title>
        <Stack gap="md">
          <GapVerdict progress={progress} />
          <LinkedMetricView
            measureId={goal.measure.id}
            schoolId={goal.school.id}
            initialGroupId={goal.focalGroup.id}
            goalId={goal.id}
            headingOrder={3}
          />
        </Stack>
      </section>
      <section aria-labelledby="live-diagram-heading">
        <Title order={2} size="h3" id="live-diagram-heading">
          Driver diagram
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Live: each driver and change idea shows how many cycles tested it, the latest decision, and whether
          the measures those cycles link show a signal.
        </Text>
        {/* Below the fold: rendered right after hydration (docs/decisions/027-server-throughput-and-page-weight.md). */}
        <AfterHydration height={480}>
          <Tabs defaultValue="diagram" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="diagram">Diagram</Tabs.Tab>
              <Tabs.Tab value="outline">{goal.canEdit ? 'Outline and editing' : 'Outline'}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="diagram">
              {diagram.primaries.length === 0 && diagram.unlinkedChangeIdeas.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No drivers yet.{' '}
                  {goal.canEdit
                    ? 'Open “Outline and editing” to add the primary drivers, then their secondary drivers and change ideas.'
                    : 'The team has not added its drivers yet.'}
                </Text>
              ) : (
                <DriverDiagram aim={goal.aimStatement} diagram={diagram} progress={progress} />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="outline">
              <DriverTree diagram={diagram} />
            </Tabs.Panel>
          </Tabs>
        </AfterHydration>
      </section>
      <section aria-labelledby="ramp-heading">
        <Title order={2} size="h3" id="ramp-heading">
          Cycles per change idea
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          The ramp of each change idea: its cycles in order, with their decisions and verdicts.
        </Text>
        <AfterHydration height={240}>
          <ChangeIdeaRamp diagram={diagram} live={progress.live} />
        </AfterHydration>
      </section>
    </>
  )
}

function GoalPage({ goalId }: { goalId: string }) {
  const trpc = useTRPC()
  const { data: goal } = useSuspenseQuery(trpc.goal.byId.queryOptions({ id: goalId }))
  const { data: diagram } = useSuspenseQuery(trpc.goal.diagram.queryOptions({ id: goalId }))
  const [editing, { open, close }] = useDisclosure(false)
  const status = STATUS_BADGE[goal.status]
  const crumbs = [
    { label: goal.school.name },
    ...(goal.team ? [{ label: goal.team.name, to: `/teams/${goal.team.id}` }] : [{ label: 'School goal' }]),
    { label: goal.title },
  ]
  return (
    <>
      <PrintStyles />
      <PageHeader
        title={goal.title}
        crumbs={crumbs}
        description={
          goal.team ? `${goal.team.name} · ${goal.school.name}` : `School-level goal · ${goal.school.name}`
        }
        badge={
          <>
            {status ? (
              <Badge color={status.color} variant="filled">
                {status.label}
              </Badge>
            ) : null}
            {goal.canEdit ? null : <Badge variant="light">Read only</Badge>}
          </>
        }
        actions={
          <>
            {goal.canArchive ? <ArchiveButton goal={goal} /> : null}
            {goal.canEdit ? (
              <Button leftSection={<IconEdit size={16} aria-hidden />} onClick={open}>
                Edit goal
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="xl">
        <GoalSummary goal={goal} />
        <GoalAnalytics goal={goal} diagram={diagram} />
      </Stack>
      {goal.canEdit ? (
        <GoalFormModal
          opened={editing}
          onClose={close}
          schoolId={goal.school.id}
          teamId={goal.team?.id ?? null}
          goal={goal}
        />
      ) : null}
    </>
  )
}

export default function GoalRoute({ loaderData, params }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <GoalPage goalId={params.goalId} />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
