import { ScrollArea, Table } from '@mantine/core'
import { formatIsoDate, formatMeasureChange, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { SIGNAL_WORDS } from './ChartMarks'
import { countsText } from './ChartTooltip'
import type { ChartMode, GapSeriesView, GroupSeriesView, PointSignalView } from './chart-data'
import { withheldText } from './withheld-text'

const signalText = (p: { signal: PointSignalView | null }) =>
  p.signal ? SIGNAL_WORDS[p.signal.direction] : ''

/** The chart's numbers as a table (the accessible alternative): withheld cells read "n < 10", "Hidden" or "≤ 5 %". */
export function ChartDataTable({
  caption,
  mode,
  unit,
  threshold,
  series,
  gap,
}: {
  caption: string
  mode: ChartMode
  unit: MeasureUnit
  threshold: number
  series: readonly GroupSeriesView[]
  gap?: GapSeriesView | null
}) {
  const hidden = 'withheld'
  let head: string[]
  let rows: { key: string; cells: string[] }[]
  if (mode === 'gap' && gap) {
    head = ['Period', gap.focalGroupName, gap.referenceName, 'Gap']
    rows = gap.series.map((g) => ({
      key: g.period,
      cells: [
        formatIsoDate(g.period, 'short'),
        g.focal === null ? `— (missing or ${hidden})` : formatMeasureValue(g.focal, unit),
        g.reference === null ? `— (missing or ${hidden})` : formatMeasureValue(g.reference, unit),
        formatMeasureChange(g.gap, unit),
      ],
    }))
  } else if (mode === 'disaggregated') {
    head = ['Period', ...series.map((s) => s.groupName)]
    const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort()
    const lookup = series.map((s) => new Map(s.points.map((p) => [p.period, p])))
    rows = periods.map((period) => ({
      key: period,
      cells: [
        formatIsoDate(period, 'short'),
        ...lookup.map((m) => {
          const p = m.get(period)
          return !p
            ? '—'
            : p.suppressed
              ? withheldText(p.withheld, threshold)
              : formatMeasureValue(p.value, unit)
        }),
      ],
    }))
  } else {
    head = [
      'Period',
      'Value',
      'Numerator of denominator',
      'Centre line',
      'Lower limit',
      'Upper limit',
      'Signal',
    ]
    rows = (series[0]?.points ?? []).map((p) => ({
      key: p.period,
      cells: [
        formatIsoDate(p.period, 'short'),
        p.suppressed ? withheldText(p.withheld, threshold) : formatMeasureValue(p.value, unit),
        countsText(p, threshold) ?? '—',
        formatMeasureValue(p.cl, unit),
        formatMeasureValue(p.lcl, unit),
        formatMeasureValue(p.ucl, unit),
        signalText(p),
      ],
    }))
  }
  return (
    <ScrollArea.Autosize
      mah={420}
      type="auto"
      offsetScrollbars
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}
    >
      <Table striped stickyHeader withTableBorder fz="xs" verticalSpacing={4}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <Table.Th key={head[i]} scope="row" fw={500}>
                    {c}
                  </Table.Th>
                ) : (
                  <Table.Td key={head[i]}>{c}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  )
}
