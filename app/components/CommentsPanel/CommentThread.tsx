import { Badge, Button, Paper } from '@mantine/core'
import { FEEDBACK_STATE_LABELS } from '@pdsa/domain'
import { IconCheck } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { CommentForm, type CommentTargetRef } from './CommentForm'

type Thread = RouterOutputs['comment']['list']['threads'][number]
type Reply = Thread['replies'][number]

function useCommentActions() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const options = (success: string) => {
    const feedback = mutationFeedback({ success })
    return {
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.comment.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.cycle.board.pathKey() }),
        ])
      },
    }
  }
  return {
    accept: useMutation(
      trpc.comment.acceptReply.mutationOptions(options('Reply accepted: feedback closed.')),
    ),
    reopen: useMutation(trpc.comment.reopen.mutationOptions(options('Feedback re-opened.'))),
    remove: useMutation(trpc.comment.delete.mutationOptions(options('Comment deleted.'))),
  }
}

function ReplyItem({ reply }: { reply: Reply }) {
  const { remove } = useCommentActions()
  return (
    <Stack gap={2} id={`comment-${reply.id}`}>
      <CommentBody comment={reply} />
      {reply.canDelete ? (
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            c="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate({ id: reply.id })}
            aria-label="Delete your reply"
          >
            Delete
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function CommentBody({ comment }: { comment: Thread | Reply }) {
  const { dateTime: when } = useDistrictTime()
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {comment.author.name}
        </Text>
        <Text
          size="xs"
          c="dimmed"
          component="time"
          dateTime={new Date(comment.createdAt).toISOString()}
          suppressHydrationWarning
        >
          {when(comment.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
    </Stack>
  )
}

/**
 * A comment with its replies, its feedback state (awaiting response → replied → accepted, or re-opened),
 * and reply / accept / re-open / delete actions. Only the coach who asked sees accept and re-open.
 */
export function CommentThread({
  thread,
  target,
  canComment,
}: {
  thread: Thread
  target: CommentTargetRef
  canComment: boolean
}) {
  const [replying, setReplying] = useState(false)
  const { accept, reopen, remove } = useCommentActions()
  const state = thread.feedbackState
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      id={`comment-${thread.id}`}
      style={thread.isOpen ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
    >
      <Stack gap="xs">
        {state ? (
          state === 'accepted' ? (
            <Badge
              color="green"
              c="green.9"
              variant="light"
              size="sm"
              tt="none"
              leftSection={<IconCheck size={12} aria-hidden />}
            >
              {FEEDBACK_STATE_LABELS.accepted}
              {thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
            </Badge>
          ) : (
            <Badge color={state === 'replied' ? 'blue.9' : 'red.9'} variant="filled" size="sm" tt="none">
              {FEEDBACK_STATE_LABELS[state]}
            </Badge>
          )
        ) : null}
        <CommentBody comment={thread} />
        {thread.replies.length > 0 ? (
          <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {thread.replies.map((r) => (
              <ReplyItem key={r.id} reply={r} />
            ))}
          </Stack>
        ) : null}
        {replying ? (
          <CommentForm
            target={target}
            parentId={thread.id}
            canAskForResponse={false}
            label={thread.isOpen ? 'Your response' : 'Your reply'}
            onDone={() => setReplying(false)}
          />
        ) : (
          <Group gap="xs">
            {canComment ? (
              <Button size="compact-sm" variant="subtle" onClick={() => setReplying(true)}>
                Reply
              </Button>
            ) : null}
            {thread.canAccept ? (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconCheck size={14} aria-hidden />}
                loading={accept.isPending}
                onClick={() => accept.mutate({ id: thread.id })}
              >
                Accept reply
              </Button>
            ) : null}
            {thread.canReopen ? (
              <Button
                size="compact-sm"
                variant="subtle"
                loading={reopen.isPending}
                onClick={() => reopen.mutate({ id: thread.id })}
              >
                Re-open
              </Button>
            ) : null}
            {thread.canDelete ? (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                c="red.9"
                loading={remove.isPending}
                onClick={() => remove.mutate({ id: thread.id })}
              >
                Delete
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
    </Paper>
  )
}
