import { Badge, type BadgeProps } from '@mantine/core'
import {
  IconAlertTriangle,
  IconArrowsDiff,
  IconCircleCheck,
  IconHourglassLow,
  IconMinus,
  IconPoint,
} from '@tabler/icons-react'
import classes from './VerdictBadge.module.css'

export type VerdictKind =
  | 'improved'
  | 'worsened'
  | 'no_signal'
  | 'not_enough_data'
  | 'narrowed'
  | 'widened'
  | 'mixed'
  | 'untested'

// Text and an icon as well as a colour (never colour alone); filled shades 8–9 keep white text above 4.5:1.
const STYLES: Record<
  VerdictKind,
  { label: string; color: string; variant: BadgeProps['variant']; icon: React.ReactNode }
> = {
  improved: { label: 'Improved', color: 'teal.9', variant: 'filled', icon: <IconCircleCheck size={14} /> },
  narrowed: {
    label: 'Gap narrowed',
    color: 'teal.9',
    variant: 'filled',
    icon: <IconCircleCheck size={14} />,
  },
  worsened: { label: 'Worsened', color: 'red.9', variant: 'filled', icon: <IconAlertTriangle size={14} /> },
  widened: { label: 'Gap widened', color: 'red.9', variant: 'filled', icon: <IconAlertTriangle size={14} /> },
  mixed: {
    label: 'Mixed signals',
    color: 'violet.9',
    variant: 'outline',
    icon: <IconArrowsDiff size={14} />,
  },
  no_signal: { label: 'No signal', color: 'gray.8', variant: 'outline', icon: <IconMinus size={14} /> },
  not_enough_data: {
    label: 'Not enough data',
    color: '#8a3c00', // a deep amber: orange.9 is only 4.3:1 on white
    variant: 'outline',
    icon: <IconHourglassLow size={14} />,
  },
  untested: { label: 'Not tested yet', color: 'gray.8', variant: 'outline', icon: <IconPoint size={14} /> },
}

export const VERDICT_LABELS = Object.fromEntries(
  Object.entries(STYLES).map(([k, v]) => [k, v.label]),
) as Record<VerdictKind, string>

/** A verdict as a badge: icon + words + colour, e.g. "✓ Improved". */
export function VerdictBadge({
  verdict,
  size = 'sm',
  label,
  wrap = false,
}: {
  verdict: VerdictKind
  size?: BadgeProps['size']
  /** Replaces the default words (e.g. "Signal: improved"). */
  label?: string
  /** Let long words wrap onto a second line instead of being cut with "…" (narrow cells). */
  wrap?: boolean
}) {
  const s = STYLES[verdict]
  return (
    <Badge
      color={s.color}
      variant={s.variant}
      size={size}
      leftSection={<span aria-hidden>{s.icon}</span>}
      className={[
        classes.badge,
        s.variant === 'outline' ? classes.outline : undefined,
        wrap ? classes.wrap : undefined,
      ]
        .filter(Boolean)
        .join(' ')}
      classNames={wrap ? { label: classes.wrapLabel } : undefined}
    >
      {label ?? s.label}
    </Badge>
  )
}
