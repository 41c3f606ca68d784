import { VisuallyHidden } from '@mantine/core'
import { NOTIFICATION_CATEGORY_LABELS } from '@pdsa/domain'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import type { RouterOutputs } from '~/lib/types'
import classes from './NotificationBell.module.css'

export type NotificationRow = RouterOutputs['notification']['list']['items'][number]

/** One notification: a link to the exact place; opening it marks it read. */
export function NotificationItem({
  n,
  onOpen,
}: {
  n: NotificationRow
  onOpen: (n: NotificationRow) => void
}) {
  const unread = !n.readAt
  const { dateTime: when } = useDistrictTime()
  return (
    <Link
      to={n.link}
      className={`${classes.item} ${unread ? classes.unread : ''}`}
      onClick={() => onOpen(n)}
      data-notification-id={n.id}
    >
      <Stack gap={2}>
        <Text size="sm" fw={unread ? 700 : 400} lh={1.3}>
          {unread ? <VisuallyHidden>Unread: </VisuallyHidden> : null}
          {n.title}
        </Text>
        {n.body ? (
          <Text size="xs" c="gray.8" lineClamp={2}>
            {n.body}
          </Text>
        ) : null}
        <Group gap="xs">
          <Text size="xs" c="gray.7">
            {NOTIFICATION_CATEGORY_LABELS[n.category].label}
          </Text>
          <Text
            size="xs"
            c="gray.7"
            component="time"
            dateTime={new Date(n.createdAt).toISOString()}
            suppressHydrationWarning
          >
            {when(n.createdAt)}
          </Text>
        </Group>
      </Stack>
    </Link>
  )
}
