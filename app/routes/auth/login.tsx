import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  TextInput,
  Title,
} from '@mantine/core'
import { isSsoErrorCode, SSO_ERROR_MESSAGES, safeRedirectPath } from '@pdsa/domain'
import { IconAlertCircle, IconInfoCircle, IconKey } from '@tabler/icons-react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { getServerContext, readFormData } from '~/lib/trpc.server'
import type { Route } from './+types/login'

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · PDSA Tracker' }]

export async function loader({ context, request }: Route.LoaderArgs) {
  const { actor, auth } = getServerContext(context)
  const params = new URL(request.url).searchParams
  // Only a path of this site survives (safeRedirectPath); anything else is dropped here already.
  const redirectTo = safeRedirectPath(params.get('redirectTo'), '')
  if (actor) throw redirect(redirectTo || '/')
  const ssoErrorCode = params.get('sso_error')
  const districtSlug = params.get('district')
  const signedOutOf = params.get('signed_out')
  const [district, providerSignOut] = await Promise.all([
    districtSlug && /^[a-z0-9-]{1,64}$/.test(districtSlug) ? auth.ssoProviders(districtSlug) : null,
    signedOutOf ? auth.ssoSignOutLink(signedOutOf) : null,
  ])
  return {
    redirectTo: redirectTo || null,
    ssoError: isSsoErrorCode(ssoErrorCode) ? SSO_ERROR_MESSAGES[ssoErrorCode] : null,
    district,
    providerSignOut,
  }
}

function ssoFailure(error: unknown, email: string) {
  const e = error as { name?: string; code?: string; issues?: { message: string }[] }
  if (e.issues)
    return data({ formError: null, fieldErrors: { email: e.issues[0]?.message }, email }, { status: 400 })
  const code = e.code ?? null
  if (e.name === 'SsoError' && isSsoErrorCode(code)) {
    return data({ formError: SSO_ERROR_MESSAGES[code], fieldErrors: {}, email }, { status: 400 })
  }
  throw error
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await readFormData(request)
  const email = String(form.get('email') ?? '')
  const password = String(form.get('password') ?? '')
  const intent = form.get('intent')
  if (intent === 'sso' || intent === 'sso-provider') {
    const redirectTo = safeRedirectPath(form.get('redirectTo'), '')
    try {
      const { location, setCookie } = await getServerContext(context).auth.startSso(
        intent === 'sso' ? { email } : { providerId: String(form.get('providerId') ?? '') },
        redirectTo || null,
      )
      return redirect(location, { headers: { 'Set-Cookie': setCookie } })
    } catch (error) {
      return ssoFailure(error, email)
    }
  }
  try {
    const { setCookie, redirectTo } = await getServerContext(context).auth.signIn({ email, password })
    // No cookie: a temporary password, which only opens the page that chooses a new one.
    if (!setCookie) return redirect(redirectTo)
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
              {loaderData.providerSignOut ? (
                <Alert
                  color="blue"
                  icon={<IconInfoCircle size={18} />}
                  title="You are signed out of PDSA Tracker"
                >
                  You may still be signed in to {loaderData.providerSignOut.providerName}.{' '}
                  <Anchor href={loaderData.providerSignOut.url} c="blue.9" fw={600} underline="always">
                    Sign out of {loaderData.providerSignOut.providerName} too
                  </Anchor>
                </Alert>
              ) : null}
              {loaderData.ssoError && !actionData ? (
                <Alert
                  color="red"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                  title="Single sign-on did not work"
                >
                  {loaderData.ssoError}
                </Alert>
              ) : null}
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
              <Anchor component={Link} to="/forgot-password" size="sm" mt={-8} c="blue.9">
                Forgot password?
              </Anchor>
              <Button type="submit" name="intent" value="password" loading={busy} fullWidth>
                Sign in
              </Button>
              <Divider label="or" labelPosition="center" />
              <Button
                type="submit"
                name="intent"
                value="sso"
                variant="default"
                leftSection={<IconKey size={16} aria-hidden />}
                disabled={busy}
                fullWidth
              >
                Sign in with single sign-on
              </Button>
              <Text size="xs" c="dimmed" ta="center" mt={-8}>
                Uses your school account (Google, Microsoft, Clever, ClassLink) when your district has set it
                up.
              </Text>
            </Stack>
          </Form>
          {loaderData.district ? (
            <Form method="post" aria-label={`Sign in to ${loaderData.district.districtName}`}>
              <input type="hidden" name="intent" value="sso-provider" />
              <input type="hidden" name="redirectTo" value={loaderData.redirectTo ?? ''} />
              <Stack mt="lg" gap="xs">
                <Text fw={500}>{loaderData.district.districtName}</Text>
                {loaderData.district.providers.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    This district has not set up single sign-on: sign in with your password.
                  </Text>
                ) : (
                  loaderData.district.providers.map((p) => (
                    <Button
                      key={p.id}
                      type="submit"
                      name="providerId"
                      value={p.id}
                      variant="light"
                      disabled={busy}
                      fullWidth
                    >
                      Sign in with {p.displayName}
                    </Button>
                  ))
                )}
              </Stack>
            </Form>
          ) : null}
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
