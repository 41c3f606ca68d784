import { Badge, Button, Select, Title } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { LinkedMetricView } from '~/components/LinkedMetricView'
import { MeasureDefinition } from '~/components/MeasureDefinition'
import { MeasureForm } from '~/components/MeasureForm'
import { ObservationEntry } from '~/components/ObservationEntry'
import { ObservationsTable } from '~/components/ObservationsTable'
import { PageHeader } from '~/components/PageHeader'
import { PrintStyles } from '~/components/PrintStyles'
import { Text } from '~/components/Text'
import { AfterHydration } from '~/hooks/use-hydrated'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/measure'

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  // The server renders the definition; the chart, the entry grid and the recent observations load in the
  // browser right after hydration — they were two thirds of the page and the server cannot draw the chart
  // (docs/decisions/027-server-throughput-and-page-weight.md).
  const dehydratedState = await prefetch(request, queryClient, [
    trpc.measure.byId.queryOptions({ id: params.measureId }),
    trpc.org.studentGroups.queryOptions({}),
  ])
  const measure = queryClient.getQueryData(trpc.measure.byId.queryKey({ id: params.measureId }))
  return { dehydratedState, title: measure?.name ?? 'Measure' }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.title ?? 'Measure'} · PDSA Tracker` },
]

function MeasurePage({ measureId }: { measureId: string }) {
  const trpc = useTRPC()
  const { data: measure } = useSuspenseQuery(trpc.measure.byId.queryOptions({ id: measureId }))
  const { data: groups } = useSuspenseQuery(trpc.org.studentGroups.queryOptions({}))
  const [params, setParams] = useSearchParams()
  const [editing, setEditing] = useState(false)
  const viewSchool = measure.viewSchools.find((s) => s.id === params.get('school')) ?? measure.viewSchools[0]
  return (
    <>
      <PrintStyles />
      <PageHeader
        title={measure.name}
        crumbs={[{ label: 'Measures and data', to: '/measures' }, { label: measure.name }]}
        badge={
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {measure.school ? measure.school.name : 'District library'}
            </Badge>
            {measure.accumulation === 'to_date' ? (
              <Badge variant="outline" color="indigo.8" tt="none">
                Year to date
              </Badge>
            ) : null}
            {measure.archived ? <Badge color="gray.7">Archived</Badge> : null}
          </Group>
        }
        actions={
          measure.canEdit ? (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              Edit measure
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="definition-heading">
          <Title order={2} size="h3" id="definition-heading" mb="sm">
            Definition
          </Title>
          <MeasureDefinition measure={measure} />
        </section>
        {measure.viewSchools.length > 1 ? (
          <Select
            label="School"
            description="The chart and the recent observations below show this school."
            data={measure.viewSchools.map((s) => ({ value: s.id, label: s.name }))}
            value={viewSchool?.id ?? null}
            onChange={(v) => v && setParams({ school: v }, { replace: true, preventScrollReset: true })}
            allowDeselect={false}
            searchable
            maw={360}
          />
        ) : null}
        {viewSchool ? (
          <section aria-labelledby={`lm-${measure.id}-heading`}>
            <LinkedMetricView key={viewSchool.id} measureId={measure.id} schoolId={viewSchool.id} />
          </section>
        ) : null}
        {measure.entrySchools.length > 0 && !measure.archived ? (
          <section aria-labelledby="entry-heading" data-print-hidden>
            <Title order={2} size="h3" id="entry-heading" mb="sm">
              Enter data
            </Title>
            <AfterHydration height={240}>
              <ObservationEntry measure={measure} groups={groups} initialSchoolId={viewSchool?.id} />
            </AfterHydration>
          </section>
        ) : null}
        <section aria-labelledby="recent-heading">
          <Group justify="space-between" align="flex-end" mb="sm">
            <Title order={2} size="h3" id="recent-heading">
              Recent observations
            </Title>
          </Group>
          {viewSchool ? (
            <>
              {measure.viewSchools.length === 1 ? (
                <Text size="sm" mb="xs">
                  {viewSchool.name}
                </Text>
              ) : null}
              <AfterHydration height={320}>
                <ObservationsTable measure={measure} schoolId={viewSchool.id} />
              </AfterHydration>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              You do not have access to any school’s data for this measure.
            </Text>
          )}
        </section>
      </Stack>
      {editing ? <MeasureForm measure={measure} opened onClose={() => setEditing(false)} /> : null}
    </>
  )
}

export default function MeasureRoute({ loaderData, params }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <MeasurePage measureId={params.measureId} />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
