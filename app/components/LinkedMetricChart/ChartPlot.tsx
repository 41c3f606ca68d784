// The linked-metric chart's plot (recharts), loaded on its own after hydration (see LinkedMetricChart and
// docs/decisions/027-server-throughput-and-page-weight.md).
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { MARK_COLORS, renderHiddenMark, renderValueDot } from './ChartMarks'
import { ChartTooltip } from './ChartTooltip'
import { type ChartMode, GROUP_COLORS, type LinkedMetricChartProps, toTime } from './chart-data'
import { PhaseLabel, WindowTag, windowFill, windowLabelText } from './WindowLabel'
import type { windowLabelRows } from './window-label-rows'

const tickFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' })
const tickDate = (t: number) => tickFormat.format(new Date(t))

export interface ChartPlotProps {
  title: string
  summary: string
  rows: ReadonlyArray<{ period: string; t: number }>
  height: number
  labelBand: number
  low: number
  high: number
  fmt: (v: number) => string
  windows: NonNullable<LinkedMetricChartProps['windows']>
  labelRows: ReturnType<typeof windowLabelRows>
  rowCount: number
  /** The plot's width in px, for the phase labels' length. */
  plotPx: number
  phaseBreaks: NonNullable<LinkedMetricChartProps['phaseBreaks']>
  mode: ChartMode
  gap: LinkedMetricChartProps['gap']
  series: LinkedMetricChartProps['series']
  hasLimits: boolean
  unit: LinkedMetricChartProps['unit']
  threshold: LinkedMetricChartProps['threshold']
}

export default function ChartPlot({
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
}: ChartPlotProps) {
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height }}
      data={rows}
      margin={{ top: labelBand, right: 16, bottom: 4, left: 8 }}
      title={`${title}: ${summary}`}
    >
      <CartesianGrid stroke="#e9ecef" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        tickFormatter={tickDate}
        tick={{ fontSize: 11, fill: '#495057' }}
        minTickGap={24}
      />
      <YAxis
        domain={[low, high]}
        tickFormatter={fmt}
        tick={{ fontSize: 11, fill: '#495057' }}
        width={56}
        allowDataOverflow
      />
      {windows.map((w, i) => (
        <ReferenceArea
          key={w.id}
          x1={toTime(w.start)}
          x2={toTime(w.end)}
          ifOverflow="hidden"
          fill={windowFill(w.verdict)}
          fillOpacity={w.isCurrent ? 0.22 : 0.12}
          stroke={windowFill(w.verdict)}
          strokeOpacity={w.isCurrent ? 0.7 : 0.3}
          label={
            <WindowTag
              n={i + 1}
              fullText={`${windowLabelText(w.title, w.verdict)}${w.group ? ` (${w.group})` : ''}`}
              verdict={w.verdict}
              row={labelRows[i]?.row ?? 0}
              rows={rowCount}
              alignEnd={labelRows[i]?.alignEnd ?? false}
            />
          }
        />
      ))}
      {phaseBreaks.map((b, i) => (
        <ReferenceLine
          key={b.period}
          x={toTime(b.period)}
          stroke={MARK_COLORS.phase}
          strokeWidth={2}
          strokeDasharray="6 3"
          ifOverflow="hidden"
          label={
            <PhaseLabel text={b.label} row={i % 2} maxChars={Math.max(12, Math.floor(plotPx / 2 / 6.4))} />
          }
        />
      ))}
      {mode === 'gap' ? (
        <>
          <ReferenceLine y={0} stroke="#868e96" strokeDasharray="2 4" />
          {gap?.baselineMedian != null ? (
            <ReferenceLine y={gap.baselineMedian} stroke={MARK_COLORS.centre} strokeWidth={2} />
          ) : null}
          <Line
            dataKey="gap"
            name="Gap"
            stroke={MARK_COLORS.value}
            strokeWidth={2}
            dot={renderValueDot}
            isAnimationActive={false}
          />
        </>
      ) : mode === 'disaggregated' ? (
        <>
          {series.map((s, i) => (
            <Line
              key={s.groupId}
              dataKey={`g:${s.groupId}`}
              name={s.groupName}
              stroke={GROUP_COLORS[i % GROUP_COLORS.length]}
              strokeWidth={1.75}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          <Scatter dataKey="anyHidden" shape={renderHiddenMark} isAnimationActive={false} />
        </>
      ) : (
        <>
          <Line
            dataKey="cl"
            type="stepAfter"
            stroke={MARK_COLORS.centre}
            strokeWidth={2}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          {hasLimits ? (
            <>
              <Line
                dataKey="ucl"
                type="stepAfter"
                stroke={MARK_COLORS.limit}
                strokeDasharray="4 3"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="lcl"
                type="stepAfter"
                stroke={MARK_COLORS.limit}
                strokeDasharray="4 3"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            </>
          ) : null}
          <Line
            dataKey="value"
            name="Value"
            stroke={MARK_COLORS.value}
            strokeWidth={2}
            dot={renderValueDot}
            isAnimationActive={false}
          />
          <Scatter dataKey="hiddenMark" shape={renderHiddenMark} isAnimationActive={false} />
        </>
      )}
      <Tooltip
        content={
          <ChartTooltip
            mode={mode}
            unit={unit}
            threshold={threshold}
            series={series}
            gapNames={gap ? { focal: gap.focalGroupName, reference: gap.referenceName } : undefined}
          />
        }
      />
    </ComposedChart>
  )
}
