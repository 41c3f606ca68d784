import { Anchor, Loader, Paper, Select, SimpleGrid, Skeleton, Title } from '@mantine/core'
import { formatIsoDate, judgedForText } from '@pdsa/domain'
import { IconChartLine } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { type ChartMode, type ChartWindowView, LinkedMetricChart } from '~/components/LinkedMetricChart'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import { VerdictCard } from '~/components/VerdictCard'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { linkedMetricInput, windowEnd, windowVerdict } from './input'

type SeriesView = RouterOutputs['analytics']['measureSeries']

/** Cards shown before "Show all". */
const FIRST_CARDS = 4

function CycleVerdicts({ data }: { data: SeriesView }) {
  const [all, setAll] = useState(false)
  const cards = [...data.cycles]
    .reverse()
    .flatMap((c) => c.verdicts.map((v, i) => ({ key: `${c.id}-${i}`, cycle: c, verdict: v })))
  if (cards.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No cycle links this measure at {data.school.name} yet. When a team links it to a cycle, the cycle’s
        window and verdict appear on the chart and here.
      </Text>
    )
  }
  const shown = all ? cards : cards.slice(0, FIRST_CARDS)
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {shown.map(({ key, cycle, verdict }) => (
          <Stack key={key} gap={4}>
            <Text size="sm">
              Cycle{' '}
              <Anchor component={Link} to={`/cycles/${cycle.id}`} fw={600}>
                {cycle.title}
              </Anchor>
            </Text>
            <VerdictCard verdict={verdict} headingOrder={4} />
          </Stack>
        ))}
      </SimpleGrid>
      {cards.length > FIRST_CARDS ? (
        <div>
          <Anchor component="button" type="button" size="sm" onClick={() => setAll((v) => !v)}>
            {all ? 'Show fewer verdicts' : `Show all ${cards.length} verdicts`}
          </Anchor>
        </div>
      ) : null}
    </Stack>
  )
}

/**
 * The linked-metric view of a measure at a school: the run or control chart (baseline frozen before the
 * first cycle), every linked cycle's window shaded and labelled with its verdict, a toggle to show every
 * student group or the gap of one group with its verdict, and a verdict card per linked cycle.
 */
export function LinkedMetricView({
  measureId,
  schoolId,
  initialGroupId = null,
  initialMode = 'single',
  headingOrder = 2,
  showVerdictCards = true,
  highlightCycleIds = [],
  goalId = null,
}: {
  measureId: string
  schoolId: string
  /** The chart of a goal: only the goal's own cycles are shaded and judged (ADR 024). */
  goalId?: string | null
  /** The group shown first (default: all students); the focal group of the gap view. */
  initialGroupId?: string | null
  initialMode?: ChartMode
  headingOrder?: 2 | 3
  showVerdictCards?: boolean
  highlightCycleIds?: readonly string[]
}) {
  const trpc = useTRPC()
  const [mode, setMode] = useState<ChartMode>(initialMode)
  const [groupId, setGroupId] = useState<string | null>(initialGroupId)
  const query = useQuery({
    ...trpc.analytics.measureSeries.queryOptions(
      linkedMetricInput(measureId, schoolId, mode, groupId, goalId),
    ),
    placeholderData: keepPreviousData,
  })
  const data = query.data
  if (!data) {
    if (query.isError) {
      return (
        <Text size="sm" c="red.9" role="alert">
          The chart could not be loaded: {query.error.message}
        </Text>
      )
    }
    return <Skeleton height={360} radius="md" role="status" aria-label="Loading the chart" />
  }
  const shownMode = data.view as ChartMode
  const withData = data.groups.filter((g) => g.hasData)
  const selectable = shownMode === 'gap' ? withData.filter((g) => g.id !== data.allGroupId) : withData
  const current =
    shownMode === 'disaggregated' ? null : (data.series[0]?.groupId ?? groupId ?? data.allGroupId)
  const groupName = data.series[0]?.groupName ?? 'all students'
  const title =
    shownMode === 'disaggregated'
      ? `${data.measure.name} by student group at ${data.school.name}`
      : shownMode === 'gap' && data.gap
        ? `Gap in ${data.measure.name}: ${data.gap.focalGroupName} compared with ${data.gap.referenceName} at ${data.school.name}`
        : `${data.measure.name} for ${groupName} at ${data.school.name}`
  // A window's verdict is the one on the plotted group's series; a cycle that judged another group says so.
  const plotted = shownMode === 'disaggregated' ? null : (data.series[0]?.groupId ?? null)
  const onPlotted = (v: { studentGroupId: string | null }) =>
    (v.studentGroupId ?? data.allGroupId) === plotted
  const byTeamAndGoal = data.subject.kind === 'measure'
  const windows: ChartWindowView[] = data.cycles.map((c) => {
    const own = plotted ? c.verdicts.filter(onPlotted) : c.verdicts
    // Judged for another group (the goal's focal group): show that group's verdict and say whose it is.
    const judgedFor = own.length === 0 ? judgedForText(c.verdicts) : null
    return {
      id: c.id,
      title: c.title,
      group: byTeamAndGoal ? `${c.teamName} · ${c.goalTitle ?? 'no goal'}` : undefined,
      start: c.window.start,
      end: windowEnd(c.window),
      verdict: judgedFor ? windowVerdict(c.verdicts) : windowVerdict(own),
      verdictNote: judgedFor?.note,
      isCurrent: highlightCycleIds.includes(c.id),
    }
  })
  const gapView = data.gap
    ? {
        series: data.gap.series,
        baselineMedian: data.gap.baselineMedian,
        focalGroupName: data.gap.focalGroupName,
        referenceName: data.gap.referenceName,
        signals: data.gap.reasons.flatMap((r) =>
          r.periods.map((period) => ({ period, direction: r.direction, rule: r.rule })),
        ),
      }
    : null
  const note =
    [
      data.baselineEnd
        ? `Centre line from the values before the first cycle (${formatIsoDate(data.baselineEnd, 'short')}).`
        : '',
      shownMode === 'single' && data.limits === 'laney'
        ? 'Laney limits, as the latest verdict used: the variation from period to period is larger than the sample sizes alone explain.'
        : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined
  const Heading = (
    <Title order={headingOrder} size={headingOrder === 2 ? 'h3' : 'h4'} id={`lm-${measureId}-heading`}>
      {headingOrder === 2 ? 'Linked-metric view' : 'Chart and cycle windows'}
    </Title>
  )
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          {Heading}
          <Text size="sm" c="dimmed">
            {data.subject.kind === 'goal'
              ? 'Each shaded band is one of this goal’s cycles that links this measure, numbered and listed under the chart with its verdict.'
              : 'Each shaded band is a cycle that links this measure at this school, numbered and listed under the chart by team and goal, with its verdict.'}{' '}
            Values for fewer than {data.threshold} students read “n &lt; {data.threshold}”; values that would
            let someone work one out are hidden, and rates near 0 % or 100 % read as a range such as “≤ 5 %”.
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          {query.isFetching ? <Loader size="xs" role="status" aria-label="Updating the chart" /> : null}
          {shownMode !== 'disaggregated' ? (
            <Select
              label={shownMode === 'gap' ? 'Focal group' : 'Student group'}
              size="xs"
              w={220}
              data={selectable.map((g) => ({ value: g.id, label: g.name }))}
              value={current}
              onChange={(v) => v && setGroupId(v)}
              allowDeselect={false}
              searchable
            />
          ) : null}
        </Group>
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        {withData.length === 0 && data.cycles.length === 0 ? (
          <EmptyState icon={<IconChartLine size={22} />} title="No data yet">
            Enter observations for this measure at {data.school.name} to see its run chart here.
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <LinkedMetricChart
              title={title}
              unit={data.measure.unit}
              chartType={data.measure.chartType}
              threshold={data.threshold}
              mode={shownMode}
              series={data.series}
              gap={gapView}
              windows={windows}
              note={note}
              limits={shownMode === 'single' ? data.limits : undefined}
              phaseBreaks={shownMode === 'single' ? data.phaseBreaks : []}
              viewControl={{
                value: mode,
                onChange: (m) => {
                  if (m === 'gap' && groupId === data.allGroupId) setGroupId(null)
                  setMode(m)
                },
                gapLabel: 'Gap',
              }}
            />
            {shownMode === 'gap' ? (
              data.gap ? (
                <Paper
                  withBorder
                  p="sm"
                  bg="var(--mantine-color-gray-0)"
                  role="group"
                  aria-label="Gap verdict"
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <VerdictBadge verdict={data.gap.verdict} />
                    <Text size="sm" fw={500}>
                      {data.gap.message}
                    </Text>
                  </Group>
                </Paper>
              ) : (
                <Text size="sm" c="dimmed">
                  No student group has data to compare yet.
                </Text>
              )
            ) : null}
          </Stack>
        )}
      </Paper>
      {showVerdictCards ? (
        <section aria-labelledby={`lm-${measureId}-verdicts`}>
          <Title order={headingOrder === 2 ? 3 : 4} size="h5" id={`lm-${measureId}-verdicts`} mb="xs">
            Verdicts of the cycles that link this measure
          </Title>
          <CycleVerdicts data={data} />
        </section>
      ) : null}
    </Stack>
  )
}
