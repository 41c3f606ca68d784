import {
  Alert,
  Box,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { safeRedirectPath } from '@pdsa/domain'
import { IconAlertCircle } from '@tabler/icons-react'
import { data, Form, redirect, useNavigation } from 'react-router'
import { getServerContext, readFormData } from '~/lib/trpc.server'
import type { Route } from './+types/login'

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · PDSA Tracker' }]

export function loader({ context, request }: Route.LoaderArgs) {
  const { actor } = getServerContext(context)
  // Only a path of this site survives (safeRedirectPath); anything else is dropped here already.
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '')
  if (actor) throw redirect(redirectTo || '/')
  return { redirectTo: redirectTo || null }
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await readFormData(request)
  const email = String(form.get('email') ?? '')
  const password = String(form.get('password') ?? '')
  try {
    const { setCookie, redirectTo } = await getServerContext(context).auth.signIn({ email, password })
    return redirect(safeRedirectPath(form.get('redirectTo'), redirectTo), {
      headers: { 'Set-Cookie': setCookie },
    })
  } catch (error) {
    const e = error as {
      code?: string
      message?: string
      issues?: { path: PropertyKey[]; message: string }[]
    }
    if (e.issues) {
      const fieldErrors = Object.fromEntries(e.issues.map((i) => [String(i.path[0]), i.message]))
      return data({ formError: null, fieldErrors, email }, { status: 400 })
    }
    if (e.code === 'UNAUTHENTICATED' || e.code === 'RATE_LIMITED') {
      return data(
        { formError: e.message ?? 'Sign-in failed.', fieldErrors: {}, email },
        { status: e.code === 'RATE_LIMITED' ? 429 : 401 },
      )
    }
    throw error
  }
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const fieldErrors = (actionData?.fieldErrors ?? {}) as Record<string, string | undefined>
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420}>
        <Stack gap={4} mb="lg" ta="center">
          <Title order={1}>PDSA Tracker</Title>
          <Text c="dimmed">Improvement cycles for equity goals</Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl">
          <Form method="post" aria-labelledby="sign-in-title" noValidate>
            <Stack>
              <Title order={2} size="h3" id="sign-in-title">
                Sign in
              </Title>
              {actionData?.formError ? (
                <Alert
                  color="red"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                  title="Could not sign in"
                >
                  {actionData.formError}
                </Alert>
              ) : null}
              <input type="hidden" name="redirectTo" value={loaderData.redirectTo ?? ''} />
              <TextInput
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                required
                defaultValue={actionData?.email ?? ''}
                error={fieldErrors.email}
                autoFocus
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                error={fieldErrors.password}
              />
              <Button type="submit" loading={busy} fullWidth>
                Sign in
              </Button>
            </Stack>
          </Form>
          <Divider my="lg" label="Demo district" labelPosition="center" />
          <Text size="sm" c="dimmed">
            The demo sign-ins are printed in the terminal when the app starts, and listed in the project’s
            README.
          </Text>
        </Paper>
      </Box>
    </Center>
  )
}
