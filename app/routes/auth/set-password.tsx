import { Alert, Anchor, Button, PasswordInput, Title } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { getServerContext, readFormData } from '~/lib/trpc.server'
import type { Route } from './+types/set-password'
import { AuthCard } from './auth-card'

export const meta: Route.MetaFunction = () => [{ title: 'Choose your password · PDSA Tracker' }]

// The page of an invitation (/welcome/:token) and of a password reset (/reset-password/:token).
export async function loader({ context, params }: Route.LoaderArgs) {
  return { link: await getServerContext(context).auth.checkAccountLink(params.token) }
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await readFormData(request)
  try {
    const { setCookie, redirectTo } = await getServerContext(context).auth.setPasswordFromLink({
      token: params.token,
      password: String(form.get('password') ?? ''),
      confirmPassword: String(form.get('confirmPassword') ?? ''),
    })
    return redirect(redirectTo, { headers: { 'Set-Cookie': setCookie } })
  } catch (error) {
    const e = error as {
      code?: string
      message?: string
      issues?: { path: PropertyKey[]; message: string }[]
    }
    if (e.issues) {
      const fieldErrors = Object.fromEntries(e.issues.map((i) => [String(i.path[0]), i.message]))
      return data({ formError: null, fieldErrors }, { status: 400 })
    }
    if (e.code === 'INVALID_STATE')
      return data({ formError: e.message ?? 'This link does not work.', fieldErrors: {} }, { status: 400 })
    throw error
  }
}

export default function SetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== 'idle'
  const { link } = loaderData
  const fieldErrors = (actionData?.fieldErrors ?? {}) as Record<string, string | undefined>
  if (!link.ok) {
    return (
      <AuthCard>
        <Stack>
          <Title order={2} size="h3">
            This link does not work
          </Title>
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {link.message}
          </Alert>
          <Anchor component={Link} to="/forgot-password" size="sm" c="blue.9">
            Get a new password link
          </Anchor>
          <Anchor component={Link} to="/login" size="sm" c="blue.9">
            Back to sign in
          </Anchor>
        </Stack>
      </AuthCard>
    )
  }
  const welcome = link.kind === 'invitation'
  return (
    <AuthCard>
      <Form method="post" noValidate aria-labelledby="set-password-title">
        <Stack>
          <Title order={2} size="h3" id="set-password-title">
            {welcome
              ? `Welcome, ${link.name}`
              : link.mustChange
                ? 'Choose your own password'
                : 'Choose a new password'}
          </Title>
          <Text size="sm">
            {welcome
              ? `Choose a password for ${link.email} at ${link.districtName}. You will be signed in right away.`
              : link.mustChange
                ? 'Your admin set a temporary password. Choose your own before you continue.'
                : `Choose a new password for ${link.email}.`}
          </Text>
          {actionData?.formError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle size={18} />}
              role="alert"
              title="Could not set the password"
            >
              {actionData.formError}
            </Alert>
          ) : null}
          <input type="hidden" name="username" value={link.email} autoComplete="username" readOnly />
          <PasswordInput
            label="New password"
            description="At least 12 characters. A few unrelated words make a good one."
            name="password"
            autoComplete="new-password"
            required
            error={fieldErrors.password}
            autoFocus
          />
          <PasswordInput
            label="Repeat the password"
            name="confirmPassword"
            autoComplete="new-password"
            required
            error={fieldErrors.confirmPassword}
          />
          <Button type="submit" loading={busy} fullWidth>
            {welcome ? 'Set password and sign in' : 'Save password and sign in'}
          </Button>
        </Stack>
      </Form>
    </AuthCard>
  )
}
