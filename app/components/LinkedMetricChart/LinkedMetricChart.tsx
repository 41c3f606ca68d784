import { Box, Button, Collapse, SegmentedControl } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { CHART_TYPE_LABELS, formatIsoDate, formatMeasureValue } from '@pdsa/domain'
import { IconTable } from '@tabler/icons-react'
import { lazy, Suspense, useId, useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useHydrated } from '~/hooks/use-hydrated'
import { ChartDataTable } from './ChartDataTable'
import { ChartGlossary } from './ChartGlossary'
import { ChartLegend } from './ChartLegend'
import type { ChartPlotProps } from './ChartPlot'
import { ChartWindowList } from './ChartWindowList'
import {
  type ChartMode,
  disaggregatedRows,
  gapRows,
  type LinkedMetricChartProps,
  singleRows,
  toTime,
  yDomain,
} from './chart-data'
import { TAG_ROW_PX } from './WindowLabel'
import { windowLabelRows } from './window-label-rows'

// The plot (recharts) measures its container, so it is drawn in the browser only: the server renders a
// placeholder of the same size (caption, legend, window list and data table stay server-rendered), and
// recharts loads in its own chunk (docs/decisions/027-server-throughput-and-page-weight.md).
const ChartPlot = lazy(() => import('./ChartPlot'))

function ChartArea({ height, plot }: { height: number; plot: ChartPlotProps }) {
  const placeholder = (
    <Box h={height} w="100%" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }} aria-hidden />
  )
  if (!useHydrated()) return placeholder
  return (
    <Suspense fallback={placeholder}>
      <ChartPlot {...plot} />
    </Suspense>
  )
}

export interface ViewControl {
  value: ChartMode
  onChange: (mode: ChartMode) => void
  /** "Gap to all other students" */
  gapLabel: string
  disabled?: boolean
}

/** "Control limits (Laney p′)": which limits are drawn (those the verdict used). */
function limitsName(
  limits: LinkedMetricChartProps['limits'],
  chartType: LinkedMetricChartProps['chartType'],
) {
  if (limits === 'laney')
    return `Control limits (Laney ${chartType === 'u' || chartType === 'up' ? 'u′' : 'p′'})`
  return limits === 'shewhart' ? 'Control limits (Shewhart)' : 'Control limits'
}

/**
 * The linked-metric chart: the measure's run or control chart (centre line, stepped limits), signal
 * points in a distinct colour and shape, every cycle window shaded and labelled with its verdict, a
 * hover card with value, numerator/denominator and date, and the same numbers as a table on request.
 */
export function LinkedMetricChart(props: LinkedMetricChartProps & { viewControl?: ViewControl }) {
  const { title, unit, chartType, threshold, mode, series, gap, windows = [], note, height = 320 } = props
  const phaseBreaks = mode === 'single' ? (props.phaseBreaks ?? []) : []
  const [showTable, setShowTable] = useState(false)
  const tableId = useId()
  const captionId = useId()
  const windowListId = useId()
  // The plot's real width: window tags are laid out in px, so they never overlap at 390 px either.
  const { ref: plotBox, width: boxWidth } = useElementSize()
  const plotPx = Math.max(120, (boxWidth || 900) - 56 - 8 - 16)
  const hasLimits = chartType !== 'run' && mode === 'single'
  const first = series[0]
  const values =
    mode === 'gap'
      ? [...(gap?.series.map((g) => g.gap) ?? []), gap?.baselineMedian, 0]
      : series.flatMap((s) => s.points.flatMap((p) => [p.value, p.cl, ...(hasLimits ? [p.lcl, p.ucl] : [])]))
  const [low, high] = yDomain(values, mode === 'gap' ? 'score' : unit)
  // The three views have different row shapes; recharts reads them by dataKey.
  const rows: ReadonlyArray<{ period: string; t: number }> =
    mode === 'gap' && gap
      ? gapRows(gap)
      : mode === 'disaggregated'
        ? disaggregatedRows(series).map((r) => ({
            ...r,
            anyHidden: Object.keys(r).some((k) => k.startsWith('h:') && r[k] === 1) ? low : null,
          }))
        : singleRows(first?.points ?? [], low)
  const periods = rows.map((r) => r.period)
  // Labels of windows in the last part of the chart end at the window's right edge (never clipped).
  const firstT = rows[0]?.t ?? 0
  const lastT = rows.at(-1)?.t ?? 0
  const span =
    periods.length > 0
      ? `${formatIsoDate(periods[0], 'short')} to ${formatIsoDate(periods.at(-1), 'short')}`
      : 'no data yet'
  const kind =
    mode === 'gap'
      ? 'Gap run chart'
      : mode === 'disaggregated'
        ? 'Values by student group'
        : CHART_TYPE_LABELS[chartType]
  const breaks = phaseBreaks.length
    ? `, ${phaseBreaks.length === 1 ? 'a new phase' : `${phaseBreaks.length} new phases`} after an adopted cycle`
    : ''
  // Each window carries a numbered tag above the plot; the list under the chart says what it is.
  const labelRows = windowLabelRows(
    windows.map((w, i) => ({ start: toTime(w.start), end: toTime(w.end), text: String(i + 1) })),
    firstT,
    lastT,
    { plotPx, charPx: 7, padPx: 14, maxRows: 12 },
  )
  const tagRows = Math.max(0, ...labelRows.map((r) => r.row + 1))
  // Room above the plot for the tags' rows (and the phase labels, which sit inside the plot).
  const rowCount = Math.max(1, tagRows)
  const labelBand = 8 + rowCount * TAG_ROW_PX
  const hasNeutralSignals =
    mode === 'gap'
      ? (gap?.signals.some((s) => s.direction === 'neutral') ?? false)
      : series.some((s) => s.points.some((p) => p.signal?.direction === 'neutral'))
  const summary = `${kind}${hasLimits && props.limits === 'laney' ? ' with Laney limits' : ''}, ${span}${windows.length ? `, ${windows.length} cycle window${windows.length === 1 ? '' : 's'} shaded` : ''}${breaks}.`
  const fmt = (v: number) =>
    mode === 'gap' ? `${v > 0 ? '+' : ''}${v.toFixed(1)}` : formatMeasureValue(v, unit)
  return (
    <Stack gap="xs" component="figure" m={0} aria-labelledby={captionId}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div id={captionId}>
          <Text fw={650} size="sm" component="figcaption">
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {summary}
            {note ? ` ${note}` : ''}
          </Text>
        </div>
        <Group gap="xs" align="center">
          <ChartGlossary />
          {props.viewControl ? (
            <SegmentedControl
              size="xs"
              aria-label="Chart view"
              value={props.viewControl.value}
              disabled={props.viewControl.disabled}
              onChange={(v) => props.viewControl?.onChange(v as ChartMode)}
              data={[
                { value: 'single', label: 'This group' },
                { value: 'disaggregated', label: 'By student group' },
                { value: 'gap', label: props.viewControl.gapLabel },
              ]}
            />
          ) : null}
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Box p="xl" ta="center" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
          <Text size="sm" c="dimmed">
            No data for this view yet. Enter observations for this measure to see the chart.
          </Text>
        </Box>
      ) : (
        <Box ref={plotBox} w="100%">
          <ChartArea
            height={height}
            plot={{
              title,
              summary,
              rows,
              height,
              labelBand,
              low,
              high,
              fmt,
              windows,
              labelRows,
              rowCount,
              plotPx,
              phaseBreaks,
              mode,
              gap,
              series,
              hasLimits,
              unit,
              threshold,
            }}
          />
        </Box>
      )}
      <ChartLegend
        mode={mode}
        hasLimits={hasLimits}
        isRunChart={chartType === 'run'}
        threshold={threshold}
        series={series}
        hasWindows={windows.length > 0}
        limitsName={limitsName(props.limits, chartType)}
        hasPhaseBreaks={phaseBreaks.length > 0}
        hasNeutralSignals={hasNeutralSignals}
      />
      <ChartWindowList windows={windows} id={windowListId} />
      {rows.length > 0 ? (
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconTable size={16} aria-hidden />}
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Hide data table' : 'Show data table'}
          </Button>
          <Collapse expanded={showTable} id={tableId}>
            {showTable ? (
              <ChartDataTable
                caption={`${title}: the numbers behind the chart`}
                mode={mode}
                unit={unit}
                threshold={threshold}
                series={series}
                gap={gap}
              />
            ) : null}
          </Collapse>
        </div>
      ) : null}
    </Stack>
  )
}
