import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Title,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBell } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useNotificationStream } from '~/hooks/use-notification-stream'
import { useTRPC } from '~/lib/trpc'
import { NotificationItem } from './NotificationItem'
import { useNotificationActions } from './use-notifications'

/**
 * The header's bell: the unread count (live, over server-sent events), and a popover with the latest
 * notifications, "Mark all read" and a link to the full list.
 */
export function NotificationBell() {
  const trpc = useTRPC()
  const [opened, { toggle, close }] = useDisclosure(false)
  useNotificationStream(true)
  const { data: count } = useQuery(trpc.notification.unreadCount.queryOptions())
  const { data: latest } = useQuery({ ...trpc.notification.list.queryOptions({ limit: 8 }), enabled: opened })
  const { open, markAllRead } = useNotificationActions()
  const unread = count?.unreadCount ?? 0
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`

  // The count is drawn over the button (hidden from screen readers: the button's name says it); Mantine gives the
  // button, as the popover's target, aria-expanded and aria-controls.
  return (
    <Indicator
      label={<span aria-hidden>{unread > 99 ? '99+' : unread}</span>}
      size={18}
      color="red.9"
      disabled={unread === 0}
      offset={4}
    >
      <Popover
        opened={opened}
        onChange={(o) => (o ? undefined : close())}
        position="bottom-end"
        width={380}
        shadow="md"
        withinPortal
        trapFocus
      >
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray.8" size="lg" aria-label={label} onClick={toggle}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" role="dialog" aria-labelledby="notification-popover-title">
          <Group justify="space-between" px="xs" pb="xs">
            <Title order={2} size="h5" id="notification-popover-title">
              Notifications
            </Title>
            <Button
              size="compact-sm"
              variant="subtle"
              disabled={unread === 0}
              loading={markAllRead.isPending}
              onClick={() => markAllRead.mutate()}
            >
              Mark all read
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420}>
            {!latest ? (
              <Group justify="center" py="md">
                <Loader size="sm" aria-label="Loading notifications" />
              </Group>
            ) : latest.items.length === 0 ? (
              <Text size="sm" c="gray.8" px="xs" py="md">
                Nothing yet. Feedback for your team, replies, mentions and reminders will appear here.
              </Text>
            ) : (
              <Stack
                gap={4}
                component="ul"
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
                aria-label="Latest notifications"
              >
                {(latest?.items ?? []).map((n) => (
                  <li key={n.id}>
                    <NotificationItem
                      n={n}
                      onOpen={(row) => {
                        open(row)
                        close()
                      }}
                    />
                  </li>
                ))}
              </Stack>
            )}
          </ScrollArea.Autosize>
          <Divider my="xs" />
          <Group justify="space-between" px="xs">
            <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
              See all notifications
            </Anchor>
            <Anchor component={Link} to="/account/notifications" size="sm" onClick={close}>
              Settings
            </Anchor>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  )
}
