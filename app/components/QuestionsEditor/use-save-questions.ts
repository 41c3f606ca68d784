import { useMutation, useQueryClient } from '@tanstack/react-query'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

/** The saveQuestions mutation with feedback; field errors go to the form. */
export function useSaveQuestions(onFieldErrors: (errors: Record<string, string>) => void, success: string) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const feedback = mutationFeedback({ success, onFieldErrors })
  return useMutation(
    trpc.cycle.saveQuestions.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
      },
    }),
  )
}
