import { useMutation, useQueryClient } from '@tanstack/react-query'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

/** cycle.update with a success message and the cycle queries refreshed. */
export function useCycleUpdate(success: string, onFieldErrors?: (errors: Record<string, string>) => void) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const feedback = mutationFeedback({ success, onFieldErrors })
  return useMutation(
    trpc.cycle.update.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
      },
    }),
  )
}
