import { data, redirect } from 'react-router'
import { getServerContext, readFormData } from '~/lib/trpc.server'
import type { Route } from './+types/logout'

export async function action({ context, request }: Route.ActionArgs) {
  const form = await readFormData(request)
  const csrf = form.get('csrf')
  try {
    const { setCookie, providerSignOut } = await getServerContext(context).auth.signOut(
      typeof csrf === 'string' ? csrf : null,
    )
    // After single sign-on, the sign-in page offers the provider's own sign-out (the app cannot end it).
    const to = providerSignOut ? `/login?signed_out=${providerSignOut.providerId}` : '/login'
    return redirect(to, { headers: { 'Set-Cookie': setCookie } })
  } catch (error) {
    if ((error as { code?: string }).code === 'FORBIDDEN') {
      throw data({ message: 'Sign-out refused: reload the page and try again.' }, { status: 403 })
    }
    throw error
  }
}

export function loader() {
  return redirect('/')
}
