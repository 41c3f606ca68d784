import { Alert, List } from '@mantine/core'
import type { MethodCheck } from '@pdsa/domain'
import { IconBulb } from '@tabler/icons-react'
import { Text } from '~/components/Text'

/** Method-check nudges: what PDSA write-ups most often miss, as a compact list. Nothing when all is well. */
export function MethodChecks({ checks }: { checks: readonly MethodCheck[] }) {
  if (checks.length === 0) return null
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconBulb size={18} aria-hidden />}
      title={
        <Text component="span" fw={700} size="sm" c="dark.9">
          {checks.length === 1 ? '1 method check' : `${checks.length} method checks`}
        </Text>
      }
      p="sm"
    >
      <List size="sm" spacing={2}>
        {checks.map((c) => (
          <List.Item key={c.kind}>{c.message}</List.Item>
        ))}
      </List>
    </Alert>
  )
}
