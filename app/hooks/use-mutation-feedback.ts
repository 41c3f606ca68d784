import { notifications } from '@mantine/notifications'
import { parseClientError } from '~/lib/trpc'

/**
 * Standard feedback for a tRPC mutation: a short success toast, and on failure the server's specific
 * message (field errors go to the form through `onFieldErrors`).
 */
export function mutationFeedback(opts: {
  success?: string
  onFieldErrors?: (errors: Record<string, string>) => void
}) {
  return {
    onSuccess: () => {
      if (opts.success) notifications.show({ color: 'green', message: opts.success })
    },
    onError: (error: unknown) => {
      const parsed = parseClientError(error)
      const fields = Object.fromEntries(Object.entries(parsed.fieldErrors).map(([k, v]) => [k, v[0] ?? '']))
      if (opts.onFieldErrors && Object.keys(fields).length > 0) opts.onFieldErrors(fields)
      notifications.show({ color: 'red', title: 'Not saved', message: parsed.message })
    },
  }
}
