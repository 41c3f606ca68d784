import { Anchor, Button, Paper, SegmentedControl } from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { HydrationBoundary, useInfiniteQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { NotificationItem, useNotificationActions } from '~/components/NotificationBell'
import { PageHeader } from '~/components/PageHeader'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/notifications'

const PAGE = 30

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  // The list pages in the browser (infinite query); the count comes with the page.
  return {
    dehydratedState: await prefetch(request, queryClient, [trpc.notification.unreadCount.queryOptions()]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Notifications · PDSA Tracker' }]

function NotificationsPage() {
  const trpc = useTRPC()
  const [params, setParams] = useSearchParams()
  const unreadOnly = params.get('show') === 'unread'
  const list = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { unreadOnly, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  )
  const { open, markAllRead } = useNotificationActions()
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const unread = list.data?.pages[0]?.unreadCount ?? 0
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Feedback for your team, replies, mentions, stage changes and reminders. Each one opens the exact place."
        actions={
          <Group>
            <Button
              variant="light"
              disabled={unread === 0}
              loading={markAllRead.isPending}
              onClick={() => markAllRead.mutate()}
            >
              Mark all read
            </Button>
            <Anchor component={Link} to="/account/notifications" size="sm">
              Notification settings
            </Anchor>
          </Group>
        }
      />
      <Stack gap="md">
        <SegmentedControl
          w="fit-content"
          aria-label="Show"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setParams(v === 'unread' ? { show: 'unread' } : {}, { replace: true })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: `Unread (${unread})` },
          ]}
        />
        {items.length === 0 && !list.isPending ? (
          <EmptyState
            icon={<IconBell size={22} />}
            title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}
          >
            {unreadOnly
              ? 'You are up to date. Show all to see what you have read.'
              : 'When a coach asks your team to respond, someone mentions you with @your name, or a cycle needs attention, it appears here.'}
          </EmptyState>
        ) : (
          <Paper withBorder p="xs">
            <Stack
              gap={4}
              component="ul"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
              aria-label="Notifications"
            >
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationItem n={n} onOpen={open} />
                </li>
              ))}
            </Stack>
          </Paper>
        )}
        {list.hasNextPage ? (
          <Button
            variant="subtle"
            w="fit-content"
            loading={list.isFetchingNextPage}
            onClick={() => list.fetchNextPage()}
          >
            Show older
          </Button>
        ) : null}
      </Stack>
    </>
  )
}

export default function NotificationsRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <NotificationsPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
