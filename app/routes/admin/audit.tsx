import { Button } from '@mantine/core'
import { canLeadDistrict } from '@pdsa/domain'
import { HydrationBoundary, keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { data, useSearchParams } from 'react-router'
import { type AuditFilterValues, AuditLogFilters, AuditLogTable } from '~/components/AuditLogTable'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import { useRootData } from '~/root'
import { DistrictNav } from '../district/district-nav'
import type { Route } from './+types/audit'

const PAGE_SIZE = 50
const FILTER_KEYS = ['actorId', 'entityType', 'action', 'from', 'to'] as const

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])))
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context, request)
  if (!canLeadDistrict(actor)) {
    throw data({ message: 'The audit log is for district leaders and admins.' }, { status: 403 })
  }
  const { trpc, queryClient } = serverTrpc(context)
  const filters = filtersFrom(new URL(request.url).searchParams)
  return {
    dehydratedState: await prefetch(request, queryClient, [
      trpc.audit.list.queryOptions({ ...filters, limit: PAGE_SIZE }),
    ]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Audit log · PDSA Tracker' }]

function AuditLog() {
  const trpc = useTRPC()
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  // Cursors of the pages before the current one (empty: the newest page).
  const [cursors, setCursors] = useState<string[]>([])
  const cursor = cursors.at(-1)
  const { data: first } = useSuspenseQuery(trpc.audit.list.queryOptions({ ...filters, limit: PAGE_SIZE }))
  const later = useQuery({
    ...trpc.audit.list.queryOptions({ ...filters, limit: PAGE_SIZE, cursor: cursor ?? '0' }),
    enabled: cursor !== undefined,
    placeholderData: keepPreviousData,
  })
  const page = cursor !== undefined && later.data ? later.data : first
  const facets = first.facets ?? { actors: [], entityTypes: [], actions: [] }
  const root = useRootData()
  const isAdmin = root?.user?.grants.some((g) => g.role === 'admin' && !g.schoolId && !g.teamId) ?? false
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the district: who did what to which record, when, with the values before and after. Passwords are never recorded."
        crumbs={[
          isAdmin ? { label: 'Administration', to: '/admin' } : { label: 'District', to: '/district' },
          { label: 'Audit log' },
        ]}
      />
      <DistrictNav />
      <AuditLogFilters
        key={params.toString()}
        value={filters}
        facets={facets}
        onChange={(next) => {
          setCursors([])
          setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, {
            replace: true,
          })
        }}
      />
      <AuditLogTable events={page.events} filtered={Object.keys(filters).length > 0} />
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed">
          Page {cursors.length + 1} · newest first
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={cursors.length === 0}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            variant="default"
            loading={later.isFetching}
            disabled={!page.nextCursor}
            onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor as string])}
          >
            Older
          </Button>
        </Group>
      </Group>
    </>
  )
}

export default function AuditRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <AuditLog />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
