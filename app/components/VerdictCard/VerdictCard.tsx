import { List, Paper, SimpleGrid, Title } from '@mantine/core'
import { formatIsoDate, formatMeasureChange, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { useId } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import type { RouterOutputs } from '~/lib/types'

export type CycleMeasureVerdictView =
  RouterOutputs['analytics']['cycleVerdicts']['measures'][number]['verdict']

export const RULE_LABELS: Record<CycleMeasureVerdictView['reasons'][number]['rule'], string> = {
  ihi_shift: 'Shift (IHI): 6 or more points in a row on one side of the baseline',
  anhoej_long_run: 'Long run (Anhøj): more points in a row on one side than chance allows',
  anhoej_few_crossings:
    'Few crossings (Anhøj): the points crossed the baseline less often than chance allows',
  ihi_trend: 'Trend (IHI): 5 or more points in a row going the same way',
  outside_control_limits: 'Outside the control limits',
  cumulative_shift: 'Cumulative shift: summed over the cycle, the points moved further than chance allows',
}

/** "7 points, Aug 3 – Sep 14, 2026" */
export function periodsPhrase(periods: readonly string[]): string {
  const first = periods[0]
  const last = periods.at(-1)
  if (!first || !last) return ''
  const n = `${periods.length} ${periods.length === 1 ? 'point' : 'points'}`
  return first === last
    ? `${n}, ${formatIsoDate(first, 'short')}`
    : `${n}, ${formatIsoDate(first, 'short')} – ${formatIsoDate(last, 'short')}`
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text fw={650} size="lg">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  )
}

/** "How it was judged": the comparison, the limits and the re-baseline break, in plain words. */
function MethodNote({ verdict: v }: { verdict: CycleMeasureVerdictView }) {
  if (!v.method) return null
  return (
    <Text size="xs" c="dimmed" data-testid="verdict-method">
      <Text span fw={700} size="xs" c="dimmed">
        How it was judged:
      </Text>{' '}
      {v.method.summary}
      {v.method.phaseStart
        ? ` The baseline starts at the new level on ${formatIsoDate(v.method.phaseStart, 'short')} (${lowerFirst(v.method.phaseLabel ?? 'after an earlier cycle was adopted')}).`
        : ''}
    </Text>
  )
}

const lowerFirst = (s: string) => (s ? `${s[0]?.toLowerCase()}${s.slice(1)}` : s)

/**
 * One linked measure's verdict, in plain language: the sentence, how it was judged (the comparison and
 * the limits), the medians before and during the cycle, the rules that fired on which points, and what
 * is missing when there is not enough data (final once the cycle is complete).
 */
export function VerdictCard({
  verdict: v,
  headingOrder = 3,
}: {
  verdict: CycleMeasureVerdictView
  headingOrder?: 3 | 4
}) {
  const headingId = useId()
  const unit = v.unit as MeasureUnit
  const window = `${formatIsoDate(v.window.start, 'short')} – ${formatIsoDate(v.window.end, 'short')}${v.window.lagDays ? ` + ${v.window.lagDays} days' lag` : ''}`
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div>
            <Title order={headingOrder} size="h5" id={headingId}>
              {v.measureName}
            </Title>
            <Text size="xs" c="dimmed">
              {v.studentGroupName === 'all students' ? 'All students' : v.studentGroupName} · cycle window{' '}
              {window} · the team expects it to {v.expectedDirection}
              {v.isFinal ? ' · final verdict: the cycle is complete' : ''}
            </Text>
          </div>
          <VerdictBadge verdict={v.verdict} />
        </Group>
        <Text size="sm" fw={500}>
          {v.message}
        </Text>
        <MethodNote verdict={v} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Stat
            label="Baseline median"
            value={formatMeasureValue(v.baselineMedian, unit)}
            hint={
              v.method?.phaseStart
                ? `${v.baselineCount} values from ${formatIsoDate(v.method.phaseStart, 'short')} to the cycle`
                : `${v.baselineCount} values before the cycle`
            }
          />
          <Stat
            label="Cycle median"
            value={formatMeasureValue(v.evaluationMedian, unit)}
            hint={`${v.evaluationCount} values during the cycle`}
          />
          <Stat
            label="Change"
            value={formatMeasureChange(v.absoluteChange, unit)}
            hint={v.higherIsBetter ? 'Higher is better' : 'Lower is better'}
          />
        </SimpleGrid>
        {v.reasons.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              Rules that fired
            </Text>
            <List size="sm" spacing={2}>
              {v.reasons.map((r) => (
                <List.Item key={`${r.rule}-${r.periods[0]}`}>
                  {RULE_LABELS[r.rule]}
                  {r.rule === 'outside_control_limits' && v.method
                    ? ` (${v.method.limitsNote.split(':')[0]?.replace(/ limits$/, '')})`
                    : ''}{' '}
                  — {periodsPhrase(r.periods)} ({r.direction === 'better' ? 'better' : 'worse'})
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {v.hiddenCount > 0 && v.verdict !== 'not_enough_data' ? (
          <Text size="xs" c="dimmed">
            {v.hiddenCount} {v.hiddenCount === 1 ? 'value is' : 'values are'} hidden to protect small groups
            of students.
          </Text>
        ) : null}
        <details>
          <Text component="summary" size="xs" c="dimmed" style={{ cursor: 'pointer' }}>
            How this was judged
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {v.detail}
            {/* a no-signal explanation already ends with this caution */}
            {v.verdict === 'no_signal'
              ? null
              : ' A change of medians without a signal is not counted as evidence.'}
          </Text>
        </details>
      </Stack>
    </Paper>
  )
}
