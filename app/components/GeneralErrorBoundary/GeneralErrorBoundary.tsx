import { Anchor, Button, Center, Code, Title } from '@mantine/core'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'That request was not valid', text: 'Check what you entered and try again.' },
  403: {
    title: 'You do not have access to this page',
    text: 'Ask your district admin if you think you should.',
  },
  404: { title: 'Page not found', text: 'It may have been moved or deleted, or the link is wrong.' },
}

/** One error page for every route: known statuses get a plain explanation, the rest a generic one. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const known = MESSAGES[status]
  const detail =
    isRouteErrorResponse(error) && typeof error.data === 'object' && error.data && 'message' in error.data
      ? String((error.data as { message: unknown }).message)
      : null
  if (!known && !isRouteErrorResponse(error)) console.error(error)
  return (
    <Center mih="60vh" p="xl">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <Text c="dimmed" fw={600}>
          Error {status}
        </Text>
        <Title order={1}>{known?.title ?? 'Something went wrong'}</Title>
        <Text>
          {detail ?? known?.text ?? 'Please try again. If it keeps happening, tell your district admin.'}
        </Text>
        {error instanceof Error && import.meta.env.DEV ? <Code block>{error.message}</Code> : null}
        <Button component={Link} to="/" mt="md">
          Go to my home page
        </Button>
        <Anchor component={Link} to="/login" size="sm">
          Sign in as someone else
        </Anchor>
      </Stack>
    </Center>
  )
}
