import { Paper } from '@mantine/core'
import { Text } from '~/components/Text'

/** A labelled count in a small bordered tile; `warn` colours a count above zero. */
export function CountStat({
  label,
  value,
  warn,
  compact,
}: {
  label: string
  value: number
  warn?: boolean
  /** Smaller padding and figure (rows of many tiles). */
  compact?: boolean
}) {
  return (
    <Paper withBorder p={compact ? 'sm' : 'md'}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text size={compact ? 'lg' : 'xl'} fw={700} c={warn && value > 0 ? 'orange.9' : undefined}>
        {value.toLocaleString('en-US')}
      </Text>
    </Paper>
  )
}
