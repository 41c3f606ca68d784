import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTRPC } from '~/lib/trpc'
import type { NotificationRow } from './NotificationItem'

/** Mark one read when it is opened, or all read: the count and lists are re-read afterwards. */
export function useNotificationActions() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() })
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: refresh }))
  const markAllRead = useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: refresh }))
  return {
    open: (n: NotificationRow) => {
      if (!n.readAt) markRead.mutate({ ids: [n.id] })
    },
    markAllRead,
  }
}
