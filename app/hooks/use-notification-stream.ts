import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTRPC } from '~/lib/trpc'

/**
 * Listens for "you have something new" on the server-sent event stream and re-reads the notifications
 * (count and list) when it comes: the bell rises without a reload. EventSource reconnects on its own
 * (the server asks for 5 s); after a reconnect the count is re-read too, in case a signal was missed.
 */
export function useNotificationStream(enabled: boolean) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const source = new EventSource('/api/notifications/stream')
    const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() })
    source.addEventListener('notification', refresh)
    source.addEventListener('open', refresh)
    return () => source.close()
  }, [enabled, queryClient, trpc])
}
