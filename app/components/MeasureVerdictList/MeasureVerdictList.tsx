import type { CycleVerdictKindName, MeasureFamily } from '@pdsa/domain'
import { CycleVerdictHeadline } from '~/components/CycleVerdictHeadline'
import { ExplainedVerdict } from '~/components/ExplainedVerdict'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { VerdictKind } from '~/components/VerdictBadge'

/**
 * A linked measure's verdict in a narrow table cell: the measure (and group) as wrapping text above a short
 * badge (a long "Measure: Verdict" badge would be cut off), with the verdict's sentence on hover and focus.
 */
export function MeasureVerdict({
  measureName,
  studentGroupName,
  verdict,
  message,
}: {
  measureName: string
  studentGroupName?: string | null | undefined
  verdict: VerdictKind
  message?: string | null | undefined
}) {
  const subject = studentGroupName ? `${measureName} (${studentGroupName})` : measureName
  return (
    <Stack gap={2} align="flex-start">
      <Text size="xs" lh={1.3}>
        {subject}
      </Text>
      <ExplainedVerdict verdict={verdict} message={message ? `${subject}: ${message}` : null} size="xs" />
    </Stack>
  )
}

/**
 * The verdict column of a cycle in a list — the coach portfolio (table and phone cards) and search: the
 * cycle's one outcome-first headline, then each linked measure's verdict; `empty` when there are none.
 */
export function MeasureVerdictList({
  verdicts,
  empty,
}: {
  verdicts: readonly {
    measureId: string
    measureName: string
    measureFamily: MeasureFamily
    studentGroupName?: string | null | undefined
    verdict: CycleVerdictKindName
    message?: string | null | undefined
  }[]
  empty: string
}) {
  if (verdicts.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    )
  }
  // The cycle's one verdict first (outcome, then process: ADR 024), then each measure's.
  return (
    <Stack gap={4} align="flex-start">
      <CycleVerdictHeadline verdicts={verdicts} />
      {verdicts.map((v) => (
        <MeasureVerdict
          key={`${v.measureId}-${v.studentGroupName ?? ''}`}
          measureName={v.measureName}
          studentGroupName={v.studentGroupName}
          verdict={v.verdict}
          message={v.message}
        />
      ))}
    </Stack>
  )
}
