import { Button, Checkbox, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

export interface CommentTargetRef {
  cycleId?: string
  goalId?: string
}

/** A new comment (or, with `parentId`, a reply). Coaches may ask the team for a response. */
export function CommentForm({
  target,
  parentId,
  canAskForResponse,
  onDone,
  label,
}: {
  target: CommentTargetRef
  parentId?: string
  canAskForResponse: boolean
  onDone?: () => void
  label: string
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { body: '', requiresResponse: false },
    validate: { body: (v) => (v.trim() ? null : 'Write something.') },
  })
  const feedback = mutationFeedback({
    success: parentId ? 'Reply posted.' : 'Comment posted.',
    onFieldErrors: (e) => form.setErrors(e),
  })
  const create = useMutation(
    trpc.comment.create.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        form.reset()
        onDone?.()
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.comment.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.cycle.board.pathKey() }),
        ])
      },
    }),
  )
  const submit = form.onSubmit((v) =>
    create.mutate({
      cycleId: target.cycleId ?? null,
      goalId: target.goalId ?? null,
      parentId: parentId ?? null,
      body: v.body,
      requiresResponse: parentId ? false : v.requiresResponse,
    }),
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea label={label} autosize minRows={2} maxRows={10} {...form.getInputProps('body')} />
        <Group justify="space-between" gap="xs">
          {canAskForResponse && !parentId ? (
            <Checkbox
              label="The team must respond"
              {...form.getInputProps('requiresResponse', { type: 'checkbox' })}
            />
          ) : (
            <span />
          )}
          <Group gap="xs">
            {onDone ? (
              <Button variant="default" size="xs" onClick={onDone}>
                Cancel
              </Button>
            ) : null}
            <Button type="submit" size="xs" loading={create.isPending}>
              {parentId ? 'Reply' : 'Comment'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
