import { Paper, ThemeIcon, Title } from '@mantine/core'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

/** What to show when there is nothing yet: what this place is for, and what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon?: React.ReactNode
  title: string
  children?: React.ReactNode
  action?: React.ReactNode
}) {
  return (
    <Paper withBorder p="xl" bg="var(--mantine-color-gray-0)" style={{ borderStyle: 'dashed' }}>
      <Stack align="center" gap="xs" ta="center" maw={480} mx="auto">
        {icon ? (
          <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
            {icon}
          </ThemeIcon>
        ) : null}
        <Title order={3} size="h4">
          {title}
        </Title>
        {children ? (
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Paper>
  )
}
