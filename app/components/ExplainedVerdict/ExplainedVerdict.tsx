import { Tooltip } from '@mantine/core'
import { VERDICT_LABELS, VerdictBadge, type VerdictKind } from '~/components/VerdictBadge'

/**
 * A verdict badge ("Chronic absence: Improved") with its sentence on hover and keyboard focus. The badge's
 * words carry the verdict; colour and icon only repeat it.
 */
export function ExplainedVerdict({
  verdict,
  subject,
  message,
  size = 'sm',
}: {
  verdict: VerdictKind
  /** What the verdict is about, e.g. the measure's name. */
  subject?: string | null | undefined
  message?: string | null | undefined
  size?: 'xs' | 'sm' | 'md'
}) {
  const label = subject ? `${subject}: ${VERDICT_LABELS[verdict]}` : VERDICT_LABELS[verdict]
  const badge = <VerdictBadge verdict={verdict} size={size} label={label} />
  if (!message) return badge
  return (
    <Tooltip label={message} multiline w={320} withArrow>
      <span
        tabIndex={0}
        aria-label={`${label}. ${message}`}
        style={{ display: 'inline-flex', maxWidth: '100%' }}
      >
        {badge}
      </span>
    </Tooltip>
  )
}
