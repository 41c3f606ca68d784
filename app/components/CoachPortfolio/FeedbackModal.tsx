import { Button, Checkbox, Modal, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

export interface FeedbackTarget {
  id: string
  title: string
  teamName: string
}

/** Feedback on a cycle from the portfolio: by default the team must respond (it stays open until they do). */
export function FeedbackModal({ cycle, onClose }: { cycle: FeedbackTarget | null; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { body: '', requiresResponse: true },
    validate: { body: (v) => (v.trim() ? null : 'Write your feedback.') },
  })
  const feedback = mutationFeedback({
    success: 'Feedback sent to the team.',
    onFieldErrors: (e) => form.setErrors(e),
  })
  const create = useMutation(
    trpc.comment.create.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        form.reset()
        onClose()
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.coach.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.comment.pathKey() }),
        ])
      },
    }),
  )
  return (
    <Modal opened={cycle !== null} onClose={onClose} title="Give feedback" size="lg">
      {cycle ? (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            create.mutate({ cycleId: cycle.id, body: v.body, requiresResponse: v.requiresResponse }),
          )}
        >
          <Stack gap="sm">
            <Text size="sm">
              On <strong>{cycle.title}</strong> ({cycle.teamName})
            </Text>
            <Textarea
              label="Feedback"
              description="The team sees it in the cycle’s comments."
              autosize
              minRows={4}
              maxRows={12}
              data-autofocus
              {...form.getInputProps('body')}
            />
            <Checkbox
              label="The team must respond (stays open until they answer)"
              {...form.getInputProps('requiresResponse', { type: 'checkbox' })}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Send feedback
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  )
}
