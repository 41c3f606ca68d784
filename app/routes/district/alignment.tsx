import { Anchor, Button, Paper, Select, SimpleGrid, Title } from '@mantine/core'
import { IconDownload, IconPrinter } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { CountStat } from '~/components/CountStat'
import { EmptyState } from '~/components/EmptyState'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { keepDataWhenOnlySearchChanges } from '~/lib/revalidate'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/alignment'
import {
  type AlignmentFlag,
  DistrictGoalNode,
  FindingsList,
  FLAG_LABELS,
  GoalBlock,
  RollUpLine,
} from './components/alignment-parts'
import { DistrictNav } from './district-nav'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  return { dehydratedState: await prefetch(request, queryClient, [trpc.district.alignment.queryOptions()]) }
}

// The school and finding filters are applied in the browser: a change of them alone does not reload.
export const shouldRevalidate = keepDataWhenOnlySearchChanges

export const meta: Route.MetaFunction = () => [{ title: 'Alignment audit · District · PDSA Tracker' }]

const FLAG_KINDS = Object.keys(FLAG_LABELS) as AlignmentFlag['kind'][]
const FINDINGS_SHOWN = 8

function AlignmentPage() {
  const trpc = useTRPC()
  const { data } = useSuspenseQuery(trpc.district.alignment.queryOptions())
  const [params, setParams] = useSearchParams()
  const schools = useMemo(() => {
    const all = [...data.districtGoals.flatMap((d) => d.goals), ...data.unaligned.goals].map((g) => g.school)
    return [...new Map(all.map((s) => [s.id, s])).values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [data])
  const school = schools.some((s) => s.id === params.get('school')) ? params.get('school') : null
  const finding = FLAG_KINDS.includes(params.get('finding') as AlignmentFlag['kind'])
    ? (params.get('finding') as AlignmentFlag['kind'])
    : null
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true, preventScrollReset: true })
  }
  const ofSchool = <T extends { school: { id: string } }>(goals: readonly T[]) =>
    school ? goals.filter((g) => g.school.id === school) : goals
  const flags = data.flags.filter(
    (f) => (!school || f.schoolId === school || f.schoolId === null) && (!finding || f.kind === finding),
  )
  const unaligned = ofSchool(data.unaligned.goals)
  const [allFindings, setAllFindings] = useState(false)
  const shownFlags = allFindings ? flags : flags.slice(0, FINDINGS_SHOWN)
  const countOf = (kind: AlignmentFlag['kind']) => data.flags.filter((f) => f.kind === kind).length
  return (
    <>
      <PageHeader
        title="Alignment audit"
        crumbs={[{ label: 'District', to: '/district' }, { label: 'Alignment audit' }]}
        description="The plan cascade from each district goal to the school and team goals aligned to it, their change ideas, the cycles testing them and what their measures show; and what needs a district leader’s attention."
        actions={
          data.canExport ? (
            <>
              <Button
                component="a"
                href={`/district/alignment.csv${school ? `?school=${encodeURIComponent(school)}` : ''}`}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                Download CSV
              </Button>
              <Button
                component={Link}
                to={`/district/alignment/print${school ? `?school=${encodeURIComponent(school)}` : ''}`}
                variant="default"
                leftSection={<IconPrinter size={16} aria-hidden />}
              >
                Printable report
              </Button>
            </>
          ) : null
        }
      />
      <DistrictNav />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          <CountStat compact label="Schools" value={data.totals.schools} />
          <CountStat compact label="District goals" value={data.totals.districtGoals} />
          <CountStat compact label="School and team goals" value={data.totals.goals} />
          <CountStat compact label="Change ideas" value={data.totals.changeIdeas} />
          <CountStat compact label="Cycles" value={data.totals.cycles} />
          <CountStat compact label="Findings" value={data.totals.flags} warn />
        </SimpleGrid>

        <Group gap="sm" align="flex-end">
          <Select
            label="School"
            placeholder="All schools"
            clearable
            searchable
            data={schools.map((s) => ({ value: s.id, label: s.name }))}
            value={school}
            onChange={(v) => update('school', v)}
            w={260}
          />
          <Select
            label="Finding"
            placeholder="All findings"
            clearable
            data={FLAG_KINDS.map((k) => ({ value: k, label: `${FLAG_LABELS[k]} (${countOf(k)})` }))}
            value={finding}
            onChange={(v) => update('finding', v)}
            w={300}
          />
        </Group>

        <section aria-labelledby="findings-heading">
          <Title order={2} size="h3" id="findings-heading" mb="xs">
            Findings{' '}
            <Text span c="dimmed" size="md">
              ({flags.length})
            </Text>
          </Title>
          <Paper withBorder p="md">
            {flags.length === 0 && (school || finding) ? (
              <Text size="sm" c="dimmed">
                No finding of this kind{school ? ' at this school' : ''}. Clear a filter to see the others.
              </Text>
            ) : (
              <>
                <FindingsList flags={shownFlags} />
                {flags.length > FINDINGS_SHOWN ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    mt="xs"
                    onClick={() => setAllFindings((v) => !v)}
                  >
                    {allFindings ? 'Show fewer findings' : `Show all ${flags.length} findings`}
                  </Button>
                ) : null}
              </>
            )}
          </Paper>
        </section>

        <section aria-labelledby="tree-heading">
          <Title order={2} size="h3" id="tree-heading" mb={4}>
            District goals and what is aligned to them
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Open a district goal to see its school and team goals → change ideas → cycles → measures. A goal
            aligned to two district goals appears under both.
          </Text>
          {data.districtGoals.length === 0 ? (
            <EmptyState title="No district goals yet">
              Add the district’s strategic priorities on the{' '}
              <Anchor component={Link} to="/district" inherit>
                district overview
              </Anchor>{' '}
              so school goals can align to them.
            </EmptyState>
          ) : (
            <Stack gap="sm">
              {data.districtGoals.map((d) => (
                <DistrictGoalNode key={d.id} node={d} open={school !== null} goals={ofSchool(d.goals)} />
              ))}
            </Stack>
          )}
        </section>

        <section aria-labelledby="unaligned-heading">
          <Title order={2} size="h3" id="unaligned-heading" mb={4}>
            Goals aligned to no district goal{' '}
            <Text span c="dimmed" size="md">
              ({unaligned.length})
            </Text>
          </Title>
          {unaligned.length === 0 ? (
            <Text size="sm" c="dimmed">
              Every {school ? 'goal of this school' : 'school and team goal'} serves at least one district
              goal.
            </Text>
          ) : (
            <>
              <Group mb="sm">
                <RollUpLine node={data.unaligned} />
              </Group>
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {unaligned.map((g) => (
                  <GoalBlock key={g.id} goal={g} />
                ))}
              </Stack>
            </>
          )}
        </section>
        <Text size="xs" c="dimmed">
          {plural(data.totals.flags, 'finding')} in all. {data.largeGapRule}
        </Text>
        <Text size="xs" c="dimmed">
          Severity. {data.severityRule}
        </Text>
      </Stack>
    </>
  )
}

export default function AlignmentRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <AlignmentPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
