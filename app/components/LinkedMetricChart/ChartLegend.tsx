import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import { SIGNAL_WORDS, Swatch } from './ChartMarks'
import type { ChartMode, GroupSeriesView } from './chart-data'
import { GROUP_COLORS } from './chart-data'

function Item({ swatch, children }: { swatch: React.ReactNode; children: React.ReactNode }) {
  // The words wrap (never cut) when the legend is narrower than an entry.
  return (
    <Group gap={6} wrap="nowrap" component="li" align="flex-start" style={{ minWidth: 0, maxWidth: '100%' }}>
      {swatch}
      <Text size="xs" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
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
  hasNeutralSignals = false,
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
  /** Some signal point has no better or worse direction: its mark is explained too. */
  hasNeutralSignals?: boolean
}) {
  return (
    <Group
      gap="md"
      component="ul"
      p={0}
      m={0}
      preventGrowOverflow={false}
      style={{ listStyle: 'none', rowGap: 4 }}
      aria-label="Chart legend"
    >
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
          <Item swatch={<Swatch kind="better" />}>{SIGNAL_WORDS.better}</Item>
          <Item swatch={<Swatch kind="worse" />}>{SIGNAL_WORDS.worse}</Item>
          {hasNeutralSignals ? <Item swatch={<Swatch kind="neutral" />}>{SIGNAL_WORDS.neutral}</Item> : null}
        </>
      )}
      {mode !== 'gap' ? (
        <Item swatch={<Swatch kind="hidden" />}>
          Hidden (n &lt; {threshold}, or to protect a small group)
        </Item>
      ) : null}
      {hasWindows ? (
        <Item swatch={<Swatch kind="area" />}>
          Cycle window, numbered (listed under the chart with its verdict)
        </Item>
      ) : null}
      {hasPhaseBreaks ? (
        <Item swatch={<Swatch kind="phase" />}>New level after an adopted cycle (the baseline restarts)</Item>
      ) : null}
    </Group>
  )
}
