import { redirect } from 'react-router'
import { getServerContext } from '~/lib/trpc.server'
import type { Route } from './+types/logout'

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData()
  const { setCookie, providerSignOut } = await getServerContext(context).auth.signOut(
    String(form.get('csrf') ?? ''),
  )
  // After single sign-on, the sign-in page offers the provider's own sign-out (the app cannot end it).
  const to = providerSignOut ? `/login?signed_out=${providerSignOut.providerId}` : '/login'
  return redirect(to, { headers: { 'Set-Cookie': setCookie } })
}

export function loader() {
  return redirect('/')
}
