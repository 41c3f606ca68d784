import { Group, Text } from '@mantine/core'
import { Swatch } from './ChartMarks'
import type { ChartMode, GroupSeriesView } from './chart-data'
import { GROUP_COLORS } from './chart-data'

function Item({ swatch, children }: { swatch: React.ReactNode; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" component="li">
      {swatch}
      <Text size="xs">{children}</Text>
    </Group>
  )
}

/** What each line, mark and shaded band means (shapes as well as colours). */
export function ChartLegend({
  mode,
  hasLimits,
  isRunChart,
  threshold,
  series,
  hasWindows,
  limitsName = 'Control limits',
  hasPhaseBreaks = false,
}: {
  mode: ChartMode
  hasLimits: boolean
  isRunChart: boolean
  threshold: number
  series: readonly GroupSeriesView[]
  hasWindows: boolean
  /** The limits drawn, named so a reader knows which: "Control limits (Laney p′)". */
  limitsName?: string
  hasPhaseBreaks?: boolean
}) {
  return (
    <Group gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Chart legend">
      {mode === 'disaggregated' ? (
        series.map((s, i) => (
          <Item
            key={s.groupId}
            swatch={
              <svg width={22} height={14} aria-hidden>
                <line
                  x1={1}
                  y1={7}
                  x2={21}
                  y2={7}
                  stroke={GROUP_COLORS[i % GROUP_COLORS.length]}
                  strokeWidth={3}
                />
              </svg>
            }
          >
            {s.groupName}
          </Item>
        ))
      ) : (
        <>
          <Item swatch={<Swatch kind="value" />}>{mode === 'gap' ? 'Gap (focal − reference)' : 'Value'}</Item>
          <Item swatch={<Swatch kind="line" />}>
            {mode === 'gap' ? 'Baseline median of the gap' : isRunChart ? 'Baseline median' : 'Centre line'}
          </Item>
          {hasLimits && mode === 'single' ? (
            <Item swatch={<Swatch kind="line" dash="limit" />}>{limitsName}</Item>
          ) : null}
          <Item swatch={<Swatch kind="run" />}>Signal: shift, run or trend</Item>
          {hasLimits && mode === 'single' ? (
            <Item swatch={<Swatch kind="sigma" />}>Signal: outside the limits</Item>
          ) : null}
        </>
      )}
      {mode !== 'gap' ? (
        <Item swatch={<Swatch kind="hidden" />}>
          Hidden (n &lt; {threshold}, or to protect a small group)
        </Item>
      ) : null}
      {hasWindows ? (
        <Item swatch={<Swatch kind="area" />}>Cycle window, labelled with its verdict</Item>
      ) : null}
      {hasPhaseBreaks ? (
        <Item swatch={<Swatch kind="phase" />}>New level after an adopted cycle (the baseline restarts)</Item>
      ) : null}
    </Group>
  )
}
