import { Badge, Button, Stack } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArchive, IconArchiveOff, IconEdit } from '@tabler/icons-react'
import { HydrationBoundary, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { DriverTree } from '~/components/DriverTree'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { GoalFormModal } from '~/components/GoalForm'
import { GoalSummary } from '~/components/GoalSummary'
import { PageHeader } from '~/components/PageHeader'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { RouterOutputs } from '~/lib/types'
import type { Route } from './+types/goal'

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  const dehydratedState = await prefetch(request, queryClient, [
    trpc.goal.byId.queryOptions({ id: params.goalId }),
    trpc.goal.diagram.queryOptions({ id: params.goalId }),
  ])
  const goal = queryClient.getQueryData(trpc.goal.byId.queryKey({ id: params.goalId }))
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
        <DriverTree diagram={diagram} />
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
