import { Button } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { MeasureForm, useMeasureScopes } from '~/components/MeasureForm'
import { MeasureFilters, MeasuresTable } from '~/components/MeasuresTable'
import { PageHeader } from '~/components/PageHeader'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/measures'
import { filtersFromParams, listInput } from './measure-filters'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  const filters = filtersFromParams(new URL(request.url).searchParams)
  return {
    dehydratedState: await prefetch(request, queryClient, [
      trpc.measure.list.queryOptions(listInput(filters)),
      trpc.org.schools.queryOptions({}),
    ]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Measures and data · PDSA Tracker' }]

function MeasuresLibrary() {
  const trpc = useTRPC()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const filters = filtersFromParams(params)
  const { data: measures } = useSuspenseQuery(trpc.measure.list.queryOptions(listInput(filters)))
  const scopes = useMeasureScopes()
  const [creating, setCreating] = useState(false)
  return (
    <>
      <PageHeader
        title="Measures and data"
        description="The district’s library of measures and each school’s own. Open a measure to read its definition, see its data by student group, and enter new values."
        actions={
          scopes.canCreate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New measure
            </Button>
          ) : null
        }
      />
      <MeasureFilters
        value={filters}
        onChange={(next) =>
          setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, {
            replace: true,
            preventScrollReset: true,
          })
        }
      />
      <MeasuresTable measures={measures} filtered={Object.keys(filters).length > 0} />
      {creating ? (
        <MeasureForm
          measure={null}
          opened
          onClose={() => setCreating(false)}
          onSaved={(m) => navigate(`/measures/${m.id}`)}
        />
      ) : null}
    </>
  )
}

export default function MeasuresRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <MeasuresLibrary />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
