import type { MantineSize } from '@mantine/core'
import {
  type CycleHeadline,
  type CycleVerdictKindName,
  cycleHeadline,
  type HeadlineStatus,
  type MeasureFamily,
} from '@pdsa/domain'
import { Fragment } from 'react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import { VerdictBadge, type VerdictKind } from '~/components/VerdictBadge'

const KIND: Record<HeadlineStatus, VerdictKind> = {
  improved: 'improved',
  worsened: 'worsened',
  mixed: 'mixed',
  no_signal: 'no_signal',
  not_enough_data: 'not_enough_data',
  none_linked: 'untested',
}

/**
 * One verdict per cycle, leading with the outcome: "Outcome: not enough data · Process: improved"
 * (ADR 024). Every surface that shows a cycle's verdict — goal page, cycle page, portfolio, search,
 * alignment — renders this component, from the cycle's per-measure verdicts or the headline the server
 * built with the same function (cycleHeadline in @pdsa/domain).
 */
export function CycleVerdictHeadline({
  verdicts,
  headline,
  size = 'xs',
  empty,
}: {
  verdicts?: readonly { measureFamily: MeasureFamily; verdict: CycleVerdictKindName }[]
  headline?: CycleHeadline
  size?: MantineSize
  /** Shown when the cycle links no measure (nothing when omitted). */
  empty?: string
}) {
  const h = headline ?? cycleHeadline(verdicts ?? [])
  if (!h.hasVerdicts) {
    return empty ? (
      <Text size="xs" c="dimmed" data-verdict-headline={h.text}>
        {empty}
      </Text>
    ) : null
  }
  return (
    <Group
      gap={4}
      component="span"
      role="group"
      aria-label="Cycle verdict"
      data-verdict-headline={h.text}
      style={{ rowGap: 2, maxWidth: '100%' }}
    >
      {h.parts.map((p, i) => (
        <Fragment key={p.role}>
          {i > 0 ? (
            <Text span size="xs" c="dimmed" aria-hidden>
              ·
            </Text>
          ) : null}
          <VerdictBadge verdict={KIND[p.status]} size={size} label={p.text} wrap />
        </Fragment>
      ))}
    </Group>
  )
}
