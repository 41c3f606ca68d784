import { Paper } from '@mantine/core'
import { formatIsoDate, formatMeasureChange, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { SIGNAL_WORDS } from './ChartMarks'
import type { ChartMode, DisaggregatedRow, GapRow, GroupSeriesView, SingleRow } from './chart-data'
import { type WithheldView, withheldText } from './withheld-text'

const withheldFrom = (json: unknown): WithheldView | null =>
  typeof json === 'string' ? (JSON.parse(json) as WithheldView) : null

interface TooltipProps {
  active?: boolean
  payload?: readonly { payload?: unknown }[]
}

/** "12 of 60 students" or "n < 10" / "Hidden" / "≤ 5 %" — a withheld cell never shows a number. */
export function countsText(
  p: {
    suppressed: boolean
    withheld?: WithheldView | null
    numerator: number | null
    denominator: number | null
  },
  threshold: number,
) {
  if (p.suppressed) return withheldText(p.withheld, threshold)
  if (p.numerator === null || p.denominator === null) return null
  return `${p.numerator.toLocaleString('en-US')} of ${p.denominator.toLocaleString('en-US')}`
}

/** Hover card: date, value (or "n < 10"), numerator and denominator, centre line and limits. */
export function ChartTooltip({
  active,
  payload,
  mode,
  unit,
  threshold,
  series,
  gapNames,
}: TooltipProps & {
  mode: ChartMode
  unit: MeasureUnit
  threshold: number
  series: readonly GroupSeriesView[]
  gapNames?: { focal: string; reference: string }
}) {
  const row = payload?.[0]?.payload as (SingleRow | DisaggregatedRow | GapRow) | undefined
  if (!active || !row) return null
  const lines: string[] = []
  if (mode === 'single') {
    const r = row as SingleRow
    lines.push(
      r.suppressed
        ? `Value withheld (${withheldText(r.withheld, threshold)})`
        : `Value: ${formatMeasureValue(r.value, unit)}`,
    )
    const counts = r.suppressed ? null : countsText(r, threshold)
    if (counts) lines.push(`Numerator / denominator: ${counts}`)
    if (r.cl !== null) lines.push(`Centre line: ${formatMeasureValue(r.cl, unit)}`)
    if (r.lcl !== null || r.ucl !== null) {
      lines.push(`Limits: ${formatMeasureValue(r.lcl, unit)} – ${formatMeasureValue(r.ucl, unit)}`)
    }
    if (r.signalKind) lines.push(SIGNAL_WORDS[r.signalKind])
  } else if (mode === 'disaggregated') {
    const r = row as DisaggregatedRow
    for (const s of series) {
      const hidden = r[`h:${s.groupId}`] === 1
      const v = r[`g:${s.groupId}`]
      if (v === undefined && !hidden) continue
      lines.push(
        `${s.groupName}: ${hidden ? withheldText(withheldFrom(r[`w:${s.groupId}`]), threshold) : formatMeasureValue(v as number | null, unit)}`,
      )
    }
  } else {
    const r = row as GapRow
    lines.push(`${gapNames?.focal ?? 'Focal group'}: ${formatMeasureValue(r.focal, unit)}`)
    lines.push(`${gapNames?.reference ?? 'Reference'}: ${formatMeasureValue(r.reference, unit)}`)
    lines.push(
      r.gap === null
        ? `Gap: none (a cell is missing or withheld)`
        : `Gap: ${formatMeasureChange(r.gap, unit)}`,
    )
    if (r.signalKind) lines.push(SIGNAL_WORDS[r.signalKind])
  }
  return (
    <Paper withBorder shadow="sm" p="xs" maw={320}>
      <Stack gap={2}>
        <Text size="sm" fw={650}>
          {formatIsoDate(row.period)}
        </Text>
        {lines.map((l) => (
          <Text key={l} size="xs">
            {l}
          </Text>
        ))}
      </Stack>
    </Paper>
  )
}
