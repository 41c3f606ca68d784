import { Button, Table, Title } from '@mantine/core'
import { CYCLE_STAGES, canLeadDistrict, STAGE_LABELS } from '@pdsa/domain'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { HydrationBoundary, useSuspenseQuery } from '@tanstack/react-query'
import { data as httpData, Link, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { plural } from '~/lib/plural'
import { useTRPC } from '~/lib/trpc'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/alignment-print'
import {
  type AlignmentGoal,
  FindingsList,
  GapTally,
  RollUpLine,
  VerdictTally,
} from './components/alignment-parts'
import { EquityMatrixLegend, EquityMatrixTable } from './components/equity-matrix-table'

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context, request)
  if (!canLeadDistrict(actor)) {
    throw httpData({ message: 'The alignment report is for district leaders and admins.' }, { status: 403 })
  }
  const { trpc, queryClient } = serverTrpc(context)
  return {
    generatedAt: new Date().toISOString(),
    dehydratedState: await prefetch(request, queryClient, [
      trpc.district.alignment.queryOptions(),
      trpc.district.equityMatrix.queryOptions(),
    ]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Alignment report (printable) · PDSA Tracker' }]

// On paper: no app header or navigation, no buttons, full width, tables that do not split rows.
const PRINT_CSS = `
@media print {
  @page { size: landscape; margin: 12mm; }
  .mantine-AppShell-header, .mantine-AppShell-navbar, [data-print-hide] { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; min-height: 0 !important; }
  .print-report { font-size: 10pt; }
  .print-report table { page-break-inside: auto; }
  .print-report tr, .print-report li { page-break-inside: avoid; break-inside: avoid; }
  .print-report section { break-before: auto; }
  .print-report .print-break { break-before: page; }
  .print-report a { color: inherit; text-decoration: none; }
  .print-report .mantine-ScrollArea-viewport, .print-report .equity-matrix-scroll { overflow: visible !important; }
  .print-report .equity-matrix-scroll table { min-width: 0 !important; }
  .print-report .mantine-Table-scrollContainerInner { min-width: 0 !important; }
}`

function stagesText(goal: AlignmentGoal) {
  return CYCLE_STAGES.filter((s) => goal.stages[s] > 0)
    .map((s) => `${STAGE_LABELS[s]} ${goal.stages[s]}`)
    .join(', ')
}

function GoalsTable({ goals, label }: { goals: readonly AlignmentGoal[]; label: string }) {
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">School · team</Table.Th>
          <Table.Th scope="col">Goal</Table.Th>
          <Table.Th scope="col">Focal group · measure</Table.Th>
          <Table.Th scope="col">Change ideas</Table.Th>
          <Table.Th scope="col">Cycles by stage</Table.Th>
          <Table.Th scope="col">Cycle verdicts</Table.Th>
          <Table.Th scope="col">Gap</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {goals.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              {g.school.name}
              <br />
              <Text span size="xs" c="dimmed">
                {g.team ? g.team.name : 'School goal'}
              </Text>
            </Table.Td>
            <Table.Td>{g.title}</Table.Td>
            <Table.Td>
              {g.focalGroupName}
              <br />
              <Text span size="xs" c="dimmed">
                {g.measure.name}
              </Text>
            </Table.Td>
            <Table.Td>
              {g.changeIdeas.length === 0
                ? '—'
                : g.changeIdeas.map((i) => `${i.title} (${i.status})`).join('; ')}
            </Table.Td>
            <Table.Td>{g.cycleCount === 0 ? 'None' : stagesText(g)}</Table.Td>
            <Table.Td>
              <VerdictTally verdicts={g.verdicts} empty="—" />
            </Table.Td>
            <Table.Td>{g.gap ? g.gap.message || g.gap.verdict : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function PrintableReport({ generatedAt }: { generatedAt: string }) {
  const { dateTime } = useDistrictTime()
  const trpc = useTRPC()
  const { data } = useSuspenseQuery(trpc.district.alignment.queryOptions())
  const { data: allMatrix } = useSuspenseQuery(trpc.district.equityMatrix.queryOptions())
  // The alignment page's school filter (?school=…) carries over: the same goals, findings and matrix row.
  const [params] = useSearchParams()
  const schoolParam = params.get('school')
  const school = allMatrix.rows.find((r) => r.school.id === schoolParam)?.school ?? null
  const ofSchool = <T extends { school: { id: string } }>(goals: readonly T[]) =>
    school ? goals.filter((g) => g.school.id === school.id) : goals
  const flags = school
    ? data.flags.filter((f) => f.schoolId === school.id || f.schoolId === null)
    : data.flags
  const matrix = school
    ? { ...allMatrix, rows: allMatrix.rows.filter((r) => r.school.id === school.id) }
    : allMatrix
  const unaligned = ofSchool(data.unaligned.goals)
  const when = dateTime(generatedAt)
  return (
    <div className="print-report">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant stylesheet, no user input */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <Group justify="space-between" mb="md" data-print-hide>
        <Button
          component={Link}
          to={`/district/alignment${school ? `?school=${encodeURIComponent(school.id)}` : ''}`}
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          Back to the alignment audit
        </Button>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          Print / save as PDF
        </Button>
      </Group>
      <Stack gap="lg">
        <header>
          <Title order={1} size="h2">
            {data.district.name}: alignment report{school ? ` · ${school.name}` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            Generated {when} · {plural(data.totals.schools, 'school')} ·{' '}
            {plural(data.totals.districtGoals, 'district goal')} ·{' '}
            {plural(data.totals.goals, 'school and team goal')} ·{' '}
            {plural(data.totals.changeIdeas, 'change idea')} · {plural(data.totals.cycles, 'cycle')}
          </Text>
        </header>

        <section aria-labelledby="p-findings">
          <Title order={2} size="h4" id="p-findings" mb="xs">
            Findings ({flags.length})
          </Title>
          <FindingsList flags={flags} />
          <Text size="xs" c="dimmed" mt="xs">
            Severity. {data.severityRule}
          </Text>
        </section>

        {data.districtGoals.map((d) => (
          <section key={d.id} aria-labelledby={`p-dg-${d.id}`}>
            <Title order={2} size="h4" id={`p-dg-${d.id}`}>
              {d.code} · {d.title}
            </Title>
            <Group gap="sm" mb="xs">
              <RollUpLine node={d} />
              <VerdictTally verdicts={d.verdicts} empty="" />
              <GapTally gaps={d.gaps} />
            </Group>
            {ofSchool(d.goals).length === 0 ? (
              <Text size="sm" fw={600} c="orange.9">
                No {school ? `goal of ${school.name}` : 'school or team goal'} is aligned to this district
                goal.
              </Text>
            ) : (
              <GoalsTable goals={ofSchool(d.goals)} label={`Goals aligned to ${d.code}`} />
            )}
          </section>
        ))}

        <section aria-labelledby="p-unaligned">
          <Title order={2} size="h4" id="p-unaligned" mb="xs">
            Goals aligned to no district goal ({unaligned.length})
          </Title>
          {unaligned.length === 0 ? (
            <Text size="sm">None.</Text>
          ) : (
            <GoalsTable goals={unaligned} label="Goals aligned to no district goal" />
          )}
        </section>

        <section aria-labelledby="p-matrix" className="print-break">
          <Title order={2} size="h4" id="p-matrix" mb="xs">
            Equity goals by school and student group
          </Title>
          <Stack gap="xs">
            <EquityMatrixLegend threshold={matrix.suppressionThreshold} />
            <EquityMatrixTable matrix={matrix} links={false} />
            <Text size="xs" c="dimmed">
              {matrix.largeGapRule}
            </Text>
          </Stack>
        </section>
      </Stack>
    </div>
  )
}

export default function AlignmentPrintRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <PrintableReport generatedAt={loaderData.generatedAt} />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
