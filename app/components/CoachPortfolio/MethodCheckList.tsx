import { ThemeIcon, Tooltip } from '@mantine/core'
import type { MethodCheck, MethodCheckKind } from '@pdsa/domain'
import {
  IconArrowsMaximize,
  IconCalendarTime,
  IconClockExclamation,
  IconCrystalBall,
  IconDatabaseOff,
  IconRepeatOff,
  IconRulerOff,
  IconZzz,
} from '@tabler/icons-react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'

/** Short labels for a table cell; the full nudge is in the tooltip. */
const SHORT: Record<MethodCheckKind, { label: string; icon: React.ReactNode }> = {
  no_prediction: { label: 'No prediction', icon: <IconCrystalBall size={14} aria-hidden /> },
  no_linked_measure: { label: 'No linked measure', icon: <IconRulerOff size={14} aria-hidden /> },
  no_data_in_window: { label: 'No data in window', icon: <IconDatabaseOff size={14} aria-hidden /> },
  measure_too_slow_for_window: {
    label: 'Too few values for a verdict',
    icon: <IconCalendarTime size={14} aria-hidden />,
  },
  full_scale_first_test: {
    label: 'Full scale first test',
    icon: <IconArrowsMaximize size={14} aria-hidden />,
  },
  no_next_cycle_after_adapt: { label: 'No next cycle', icon: <IconRepeatOff size={14} aria-hidden /> },
  overdue: { label: 'Overdue', icon: <IconClockExclamation size={14} aria-hidden /> },
  stale: { label: 'Untouched', icon: <IconZzz size={14} aria-hidden /> },
}

/** Method-check warnings as icon + short text (the full message on hover and for screen readers). */
export function MethodCheckList({ checks }: { checks: readonly MethodCheck[] }) {
  if (checks.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        None
      </Text>
    )
  }
  return (
    <Group
      gap={4}
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none', flexDirection: 'column', alignItems: 'flex-start' }}
    >
      {checks.map((check) => (
        <Tooltip key={check.kind} label={check.message} multiline w={280} withArrow>
          <Group component="li" gap={4} wrap="nowrap" tabIndex={0} aria-label={check.message}>
            <ThemeIcon size={18} variant="light" color="orange" radius="sm" aria-hidden>
              {SHORT[check.kind].icon}
            </ThemeIcon>
            <Text size="xs" c="orange.9" fw={600} aria-hidden>
              {SHORT[check.kind].label}
            </Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  )
}
