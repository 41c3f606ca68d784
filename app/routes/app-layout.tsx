import { HydrationBoundary } from '@tanstack/react-query'
import { Outlet } from 'react-router'
import { AppLayout } from '~/components/AppLayout'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import { useRootData } from '~/root'
import type { Route } from './+types/app-layout'

export async function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context, request)
  const { trpc, queryClient } = serverTrpc(context)
  return {
    dehydratedState: await prefetch(request, queryClient, [
      trpc.org.navigation.queryOptions(),
      trpc.notification.unreadCount.queryOptions(),
    ]),
  }
}

export default function AppLayoutRoute({ loaderData }: Route.ComponentProps) {
  const root = useRootData()
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <AppLayout csrfToken={root?.csrfToken ?? null}>
        <Outlet />
      </AppLayout>
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
