import { Stack, Text } from '@mantine/core'
import { ExplainedVerdict } from '~/components/ExplainedVerdict'
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
