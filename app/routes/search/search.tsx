import { Anchor, Badge, Button, Loader, Paper, Select, Table, TextInput, Title } from '@mantine/core'
import {
  CYCLE_STAGES,
  CYCLE_VERDICT_KINDS,
  CYCLE_VERDICT_LABELS,
  type CycleStage,
  type CycleVerdictKindName,
  DECISION_LABELS,
  STAGE_LABELS,
} from '@pdsa/domain'
import { IconBulb, IconSearch } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Link, useNavigation, useSearchParams } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { MeasureVerdictList } from '~/components/MeasureVerdictList'
import { PageHeader } from '~/components/PageHeader'
import { StageBadge } from '~/components/StageBadge'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { RouterOutputs } from '~/lib/types'
import type { Route } from './+types/search'
import {
  filtersFromParams,
  paramsFromFilters,
  type SearchFilters,
  searchInput,
  snippetParts,
} from './search-params'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  const filters = filtersFromParams(new URL(request.url).searchParams)
  return {
    dehydratedState: await prefetch(request, queryClient, [
      trpc.search.cycles.queryOptions(searchInput(filters)),
    ]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Search cycles · PDSA Tracker' }]

type Result = RouterOutputs['search']['cycles']
type CycleHit = Result['cycles'][number]

function Snippet({ snippet }: { snippet: string }) {
  if (!snippet) return null
  return (
    <Text size="xs" c="dimmed" mt={4}>
      …
      {snippetParts(snippet).map((p) =>
        p.hit ? (
          <mark
            key={p.at}
            style={{ background: 'var(--mantine-color-yellow-2)', color: 'var(--mantine-color-black)' }}
          >
            {p.text}
          </mark>
        ) : (
          <span key={p.at}>{p.text}</span>
        ),
      )}
      …
    </Text>
  )
}

function ScaleCell({ cycle }: { cycle: CycleHit }) {
  return (
    <>
      <Text size="sm">
        Cycle {cycle.cycleNumber}
        {cycle.isRamp ? ' of a ramp' : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {cycle.scale || 'Scale not stated'}
      </Text>
    </>
  )
}

function CycleResults({ cycles }: { cycles: readonly CycleHit[] }) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" aria-label="Matching cycles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Cycle</Table.Th>
            <Table.Th scope="col">School · team</Table.Th>
            <Table.Th scope="col">Change idea</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Scale</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cycles.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td maw={340}>
                {c.canOpen ? (
                  <Anchor component={Link} to={`/cycles/${c.id}`} size="sm" fw={600}>
                    {c.title}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {c.title}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {c.plannedStart} → {c.plannedEnd}
                  {c.goal ? ` · for ${c.goal.focalGroupName}` : ''}
                  {c.canOpen ? '' : ' · ask the team to see the worksheet'}
                </Text>
                <Snippet snippet={c.snippet} />
              </Table.Td>
              <Table.Td maw={200}>
                <Text size="sm">{c.school.name}</Text>
                <Text size="xs" c="dimmed">
                  {c.team.name}
                </Text>
              </Table.Td>
              <Table.Td maw={200}>
                <Text size="sm">{c.changeIdea?.title ?? '—'}</Text>
                {c.changeIdea ? (
                  <Text size="xs" c="dimmed">
                    {c.changeIdea.status}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StageBadge stage={c.stage} />
              </Table.Td>
              <Table.Td maw={180}>
                <ScaleCell cycle={c} />
              </Table.Td>
              <Table.Td maw={260}>
                <Stack gap={4} align="flex-start">
                  {c.decision ? (
                    <Text size="sm" fw={600}>
                      {DECISION_LABELS[c.decision]}
                    </Text>
                  ) : null}
                  <MeasureVerdictList verdicts={c.verdicts} empty="No verdict yet" />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function ChangeIdeaResults({ ideas }: { ideas: Result['changeIdeas'] }) {
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label="Matching change ideas"
    >
      {ideas.map((i) => (
        <Paper withBorder p="sm" component="li" key={i.id}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {i.title}
            </Text>
            <Badge size="xs" variant="outline" color="gray.8" tt="none">
              {i.status}
            </Badge>
            <Text size="xs" c="dimmed">
              {i.school.name}
              {i.team ? ` · ${i.team.name}` : ''} · {plural(i.cycleCount, 'cycle')}
            </Text>
          </Group>
          {i.description ? (
            <Text size="xs" c="dimmed" lineClamp={2} mt={2}>
              {i.description}
            </Text>
          ) : null}
          <Text size="xs" mt={2}>
            Goal:{' '}
            {i.canOpen ? (
              <Anchor component={Link} to={`/goals/${i.goal.id}`} inherit>
                {i.goal.title}
              </Anchor>
            ) : (
              i.goal.title
            )}
          </Text>
        </Paper>
      ))}
    </Stack>
  )
}

function SearchPage() {
  const trpc = useTRPC()
  const [params, setParams] = useSearchParams()
  const filters = filtersFromParams(params)
  const { data } = useSuspenseQuery(trpc.search.cycles.queryOptions(searchInput(filters)))
  const [q, setQ] = useState(filters.q)
  // Back/forward or a link changes the URL: show its words in the box.
  useEffect(() => setQ(filters.q), [filters.q])
  const navigation = useNavigation()
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/search'
  const apply = (next: SearchFilters) => setParams(paramsFromFilters(next), { preventScrollReset: true })
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...filters, q, ...patch }
    for (const k of Object.keys(patch) as (keyof SearchFilters)[]) if (!patch[k]) delete next[k]
    apply(next)
  }
  const filtered = Boolean(filters.q || filters.group || filters.measure || filters.verdict || filters.stage)
  return (
    <>
      <PageHeader
        title="Search cycles"
        description="Who else tested this, at what scale, with what result? Search every school’s PDSA cycles and change ideas: titles, worksheets, predictions and learning."
      />
      <Paper withBorder p="md" mb="lg">
        <form
          role="search"
          aria-label="Cycles and change ideas"
          onSubmit={(e) => {
            e.preventDefault()
            set({ q: q.trim() })
          }}
        >
          <Stack gap="sm">
            <Group align="flex-end" gap="sm">
              <TextInput
                label="Words"
                description='For example: mentoring, "text message", attendance -survey'
                placeholder="What was tested?"
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                maxLength={200}
                type="search"
                name="q"
                style={{ flex: 1, minWidth: 240 }}
                leftSection={<IconSearch size={16} aria-hidden />}
              />
              <Button type="submit" loading={searching}>
                Search
              </Button>
            </Group>
            <Group align="flex-end" gap="sm">
              <Select
                label="Student group"
                placeholder="Any group"
                clearable
                searchable
                data={data.facets.studentGroups.map((g) => ({ value: g.id, label: g.name }))}
                value={filters.group ?? null}
                onChange={(v) => set({ group: v ?? undefined })}
                w={230}
              />
              <Select
                label="Measure"
                placeholder="Any measure"
                clearable
                searchable
                data={data.facets.measures.map((m) => ({ value: m.id, label: m.name }))}
                value={filters.measure ?? null}
                onChange={(v) => set({ measure: v ?? undefined })}
                w={260}
              />
              <Select
                label="Verdict"
                placeholder="Any verdict"
                clearable
                data={CYCLE_VERDICT_KINDS.map((k) => ({ value: k, label: CYCLE_VERDICT_LABELS[k] }))}
                value={filters.verdict ?? null}
                onChange={(v) => set({ verdict: (v as CycleVerdictKindName | null) ?? undefined })}
                w={180}
              />
              <Select
                label="Stage"
                placeholder="Any stage"
                clearable
                data={CYCLE_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
                value={filters.stage ?? null}
                onChange={(v) => set({ stage: (v as CycleStage | null) ?? undefined })}
                w={150}
              />
              {filtered ? (
                <Button
                  variant="subtle"
                  onClick={() => {
                    setQ('')
                    apply({ q: '' })
                  }}
                >
                  Clear all
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Paper>

      <Group gap="xs" mb="xs" role="status" aria-live="polite">
        {searching ? <Loader size="xs" aria-hidden /> : null}
        <Text size="sm" c="dimmed">
          {searching
            ? 'Searching…'
            : filters.q
              ? `${plural(data.cycles.length, 'cycle')}${data.hasMore ? ' (the best matches)' : ''} and ${plural(data.changeIdeas.length, 'change idea')} match “${filters.q}”`
              : `${plural(data.cycles.length, 'cycle')}${data.hasMore ? ' (the most recently edited)' : ''}${filtered ? ' match the filters' : ' across the district, most recently edited first'}`}
        </Text>
      </Group>

      <Stack gap="xl">
        {data.changeIdeas.length > 0 ? (
          <section aria-labelledby="ideas-heading">
            <Title order={2} size="h3" id="ideas-heading" mb="sm">
              Change ideas
            </Title>
            <ChangeIdeaResults ideas={data.changeIdeas} />
          </section>
        ) : null}
        <section aria-labelledby="cycles-heading">
          <Title order={2} size="h3" id="cycles-heading" mb="sm">
            Cycles
          </Title>
          {data.cycles.length === 0 ? (
            <EmptyState icon={<IconBulb size={22} />} title="No cycle matches">
              Try fewer or other words (a synonym, a word from the change idea), or clear a filter. Quoted
              words find an exact phrase.
            </EmptyState>
          ) : (
            <Paper withBorder>
              <CycleResults cycles={data.cycles} />
            </Paper>
          )}
        </section>
      </Stack>
    </>
  )
}

export default function SearchRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <SearchPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
