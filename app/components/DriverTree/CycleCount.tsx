import { IconRefresh } from '@tabler/icons-react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'

/** "Targeted by 3 cycles": how much of the theory has been tested. */
export function CycleCount({ children }: { children: React.ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap">
      <IconRefresh size={14} color="var(--mantine-color-gray-7)" aria-hidden />
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </Group>
  )
}
