import { Alert, Badge, Center, Loader, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { parseClientError, useTRPC } from '~/lib/trpc'
import { CommentForm, type CommentTargetRef } from './CommentForm'
import { CommentThread } from './CommentThread'

/** Comments and coach feedback on a cycle or a goal: threads, feedback-state badges, reply, accept and re-open. */
export function CommentsPanel({ target }: { target: CommentTargetRef }) {
  const trpc = useTRPC()
  const { data, error, isPending } = useQuery(trpc.comment.list.queryOptions(target))
  return (
    <section aria-labelledby="comments-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="comments-heading">
          Comments and feedback
        </Title>
        <Group gap="xs">
          {data && data.openCount > 0 ? (
            <Badge color="red" c="red.9" variant="light">
              {data.openCount} need{data.openCount === 1 ? 's' : ''} response
            </Badge>
          ) : null}
          {data && data.awaitingReviewCount > 0 ? (
            <Badge color="blue" c="blue.9" variant="light">
              {data.awaitingReviewCount} {data.awaitingReviewCount === 1 ? 'reply' : 'replies'} awaiting the
              coach
            </Badge>
          ) : null}
        </Group>
      </Group>
      {isPending ? (
        <Center py="md">
          <Loader size="sm" role="status" aria-label="Loading comments" />
        </Center>
      ) : error ? (
        <Alert color="red">{parseClientError(error).message}</Alert>
      ) : (
        <Stack gap="sm">
          {data.threads.length === 0 ? (
            <Text size="sm" c="dimmed">
              {data.canComment
                ? 'No comments yet. Ask a question or leave feedback for the team.'
                : 'No comments yet.'}
            </Text>
          ) : (
            data.threads.map((t) => (
              <CommentThread key={t.id} thread={t} target={target} canComment={data.canComment} />
            ))
          )}
          {data.canComment ? (
            <CommentForm target={target} canAskForResponse={data.canCoach} label="New comment" />
          ) : null}
        </Stack>
      )}
    </section>
  )
}
