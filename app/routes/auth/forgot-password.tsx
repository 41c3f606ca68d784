import { Alert, Anchor, Button, TextInput, Title } from '@mantine/core'
import { IconMailCheck } from '@tabler/icons-react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { getServerContext, readFormData } from '~/lib/trpc.server'
import type { Route } from './+types/forgot-password'
import { AuthCard } from './auth-card'

export const meta: Route.MetaFunction = () => [{ title: 'Forgot password · PDSA Tracker' }]

export function loader({ context }: Route.LoaderArgs) {
  if (getServerContext(context).actor) throw redirect('/')
  return null
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await readFormData(request)
  const email = String(form.get('email') ?? '')
  try {
    await getServerContext(context).auth.requestPasswordReset({ email })
  } catch (error) {
    const issues = (error as { issues?: { message: string }[] }).issues
    if (issues)
      return data({ sent: false, error: issues[0]?.message ?? 'Enter your email.', email }, { status: 400 })
    throw error
  }
  // The same answer whether or not the address has an account (ADR 029).
  return { sent: true, error: null, email }
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== 'idle'
  return (
    <AuthCard>
      <Stack>
        <Title order={2} size="h3">
          Forgot your password?
        </Title>
        {actionData?.sent ? (
          <Alert color="green" icon={<IconMailCheck size={18} />} title="Check your email" role="status">
            If {actionData.email} has an account, we sent it a link to choose a new password. The link works
            once, for an hour. Nothing arrived? Check the spam folder, or ask your district admin.
          </Alert>
        ) : (
          <Form method="post" noValidate>
            <Stack>
              <Text size="sm">
                Enter the email you sign in with. We will email you a link to choose a new password.
              </Text>
              <TextInput
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                required
                defaultValue={actionData?.email ?? ''}
                error={actionData?.error}
                autoFocus
              />
              <Button type="submit" loading={busy} fullWidth>
                Email me a link
              </Button>
            </Stack>
          </Form>
        )}
        <Anchor component={Link} to="/login" size="sm" c="blue.9">
          Back to sign in
        </Anchor>
      </Stack>
    </AuthCard>
  )
}
