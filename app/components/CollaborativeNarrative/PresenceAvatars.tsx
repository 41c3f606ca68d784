import { Avatar, Tooltip } from '@mantine/core'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { CycleDocument } from './cycle-document'
import { usePresence } from './use-presence'
import { initials } from './user-color'

/** Who has the worksheet open: one avatar per person, in their cursor colour. */
export function PresenceAvatars({
  document,
  selfId,
}: {
  document: CycleDocument | null
  selfId: string | null
}) {
  const users = usePresence(document, selfId)
  if (users.length === 0) return null
  const others = users.filter((u) => !u.isSelf)
  const summary =
    others.length === 0
      ? 'Only you are here'
      : `You and ${others.length === 1 ? (others[0]?.name ?? '1 other') : `${others.length} others`} are here`
  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip.Group openDelay={200} closeDelay={100}>
        <Avatar.Group spacing="sm">
          {users.slice(0, 6).map((u) => (
            <Tooltip key={u.key} label={u.isSelf ? `${u.name} (you)` : u.name} withArrow>
              <Avatar
                size="sm"
                radius="xl"
                variant="filled"
                color={u.color}
                aria-label={u.isSelf ? `${u.name} (you)` : u.name}
              >
                {initials(u.name)}
              </Avatar>
            </Tooltip>
          ))}
          {users.length > 6 ? (
            <Avatar size="sm" radius="xl" aria-label={`${users.length - 6} more`}>
              +{users.length - 6}
            </Avatar>
          ) : null}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="sm" c="dimmed" visibleFrom="sm">
        {summary}
      </Text>
    </Group>
  )
}
