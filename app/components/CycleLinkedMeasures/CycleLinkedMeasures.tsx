import { Paper, Skeleton, Title } from '@mantine/core'
import { formatIsoDate } from '@pdsa/domain'
import { IconChartLine } from '@tabler/icons-react'
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { CycleVerdictHeadline } from '~/components/CycleVerdictHeadline'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { LinkedMetricChart } from '~/components/LinkedMetricChart'
import { Text } from '~/components/Text'
import { VerdictCard } from '~/components/VerdictCard'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'

interface CycleInput {
  id: string
  school: { name: string }
  measures: readonly { measureId: string; studentGroupId: string | null; expectedDirection: string }[]
  plannedStart: string
  plannedEnd: string
  actualStart: string | null
  actualEnd: string | null
  lagDays: number
}

/** Verdicts depend on the links and the dates: when the worksheet changes them, read the verdicts again. */
function useRefreshOnChange(cycle: CycleInput) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const signature = JSON.stringify([
    cycle.measures.map((m) => [m.measureId, m.studentGroupId, m.expectedDirection]),
    cycle.plannedStart,
    cycle.plannedEnd,
    cycle.actualStart,
    cycle.actualEnd,
    cycle.lagDays,
  ])
  const previous = useRef(signature)
  useEffect(() => {
    if (previous.current === signature) return
    previous.current = signature
    void queryClient.invalidateQueries({
      queryKey: trpc.analytics.cycleVerdicts.queryKey({ cycleId: cycle.id }),
    })
    void queryClient.invalidateQueries({
      queryKey: trpc.analytics.cycleCharts.queryKey({ cycleId: cycle.id }),
    })
  }, [signature, cycle.id, queryClient, trpc])
}

type LinkedMeasure = RouterOutputs['analytics']['cycleVerdicts']['measures'][number]
export type VerdictChart = RouterOutputs['analytics']['cycleCharts']['charts'][number]['chart']

/** About the height of a linked measure's chart (caption, plot, legend, window list, table button). */
const CHART_PLACEHOLDER_HEIGHT = 470

function useCycleVerdicts(cycleId: string) {
  const trpc = useTRPC()
  return useSuspenseQuery(trpc.analytics.cycleVerdicts.queryOptions({ cycleId })).data
}

/**
 * The points of the verdicts' charts: not in the server-rendered page (the plot is drawn in the browser), loaded
 * right after hydration (docs/decisions/027-server-throughput-and-page-weight.md).
 */
function useCycleCharts(cycleId: string) {
  const trpc = useTRPC()
  return useQuery(trpc.analytics.cycleCharts.queryOptions({ cycleId }))
}

/** Where the centre line comes from, and where the chart starts. */
function chartNote(m: LinkedMeasure, chart: VerdictChart): string {
  const phaseStart = m.verdict.method?.phaseStart
  const from = phaseStart
    ? `The centre line comes from the ${m.verdict.baselineCount} values from the new level (${formatIsoDate(phaseStart, 'short')}) to the cycle’s start.`
    : chart.earlierBaselinePoints > 0
      ? `The centre line comes from all ${m.verdict.baselineCount} values before the cycle; the chart starts at ${formatIsoDate(chart.points[0]?.period, 'short')}.`
      : 'The centre line comes from the values before the cycle started.'
  return m.verdict.method ? `${from} ${m.verdict.method.limitsNote}.` : from
}

/**
 * The chart a linked measure's verdict rests on (baseline frozen at the cycle start, the cycle's window
 * shaded, the points the verdict named marked by direction): the cycle page and the printed worksheet.
 */
export function CycleMeasureChart({
  measure: m,
  chart,
  cycleId,
  schoolName,
  threshold,
  evaluationEnd,
  height,
}: {
  measure: LinkedMeasure
  chart: VerdictChart
  cycleId: string
  schoolName: string
  threshold: number
  evaluationEnd: string | null
  height?: number
}) {
  return (
    <LinkedMetricChart
      title={`${m.measure.name} for ${m.verdict.studentGroupName} at ${schoolName}`}
      unit={m.measure.unit}
      chartType={m.measure.chartType}
      threshold={threshold}
      mode="single"
      series={[
        {
          groupId: m.verdict.studentGroupId ?? 'all',
          groupName: m.verdict.studentGroupName,
          points: chart.points,
        },
      ]}
      windows={[
        {
          id: cycleId,
          title: 'This cycle',
          start: m.verdict.window.start,
          end: evaluationEnd ?? m.verdict.window.end,
          verdict: m.verdict.verdict,
          isCurrent: true,
        },
      ]}
      limits={chart.limits}
      phaseBreaks={chart.phaseBreak ? [chart.phaseBreak] : []}
      note={chartNote(m, chart)}
      {...(height ? { height } : {})}
    />
  )
}

/**
 * The cycle page's "Linked measures" panel: for each measure the cycle links, the verdict in plain
 * language and the chart it rests on (baseline frozen at the cycle start, the cycle's window shaded).
 */
export function CycleLinkedMeasures({ cycle }: { cycle: CycleInput }) {
  const cycleId = cycle.id
  const schoolName = cycle.school.name
  const data = useCycleVerdicts(cycleId)
  const charts = useCycleCharts(cycleId)
  useRefreshOnChange(cycle)
  return (
    <Paper
      component="section"
      id="linked-measures"
      aria-labelledby="linked-measures-heading"
      withBorder
      p={{ base: 'md', sm: 'lg' }}
    >
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="linked-measures-heading">
            Linked measures
          </Title>
          <Text size="sm" c="dimmed">
            Did the cycle move its measures? Each verdict compares the values since the cycle started with a
            baseline (each card says which, and which limits were used), and only calls a change a change when
            the data show a signal.
          </Text>
        </div>
        {data.measures.length > 0 ? (
          <Group gap="xs" align="center">
            <Text size="sm" fw={650}>
              This cycle’s verdict:
            </Text>
            <CycleVerdictHeadline verdicts={data.measures.map((m) => m.verdict)} size="sm" />
          </Group>
        ) : null}
        {data.measures.length === 0 ? (
          <EmptyState icon={<IconChartLine size={22} />} title="No linked measures yet">
            Link the measures this cycle should move (in the Plan section’s data collection plan) to see their
            charts and verdicts here.
          </EmptyState>
        ) : (
          data.measures.map((m) => {
            const chart = charts.data?.charts.find((c) => c.measureId === m.measure.id)?.chart
            return (
              <Stack key={m.measure.id} gap="sm">
                <VerdictCard verdict={m.verdict} />
                {chart ? (
                  <CycleMeasureChart
                    measure={m}
                    chart={chart}
                    cycleId={cycleId}
                    schoolName={schoolName}
                    threshold={data.threshold}
                    evaluationEnd={data.window.evaluationEnd}
                  />
                ) : charts.isError ? (
                  <Text size="sm" c="dimmed">
                    The chart could not be loaded. Reload the page to try again.
                  </Text>
                ) : (
                  <Skeleton height={CHART_PLACEHOLDER_HEIGHT} className="app-placeholder" aria-hidden />
                )}
              </Stack>
            )
          })
        )}
      </Stack>
    </Paper>
  )
}
