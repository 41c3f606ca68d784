import { redirect } from 'react-router'
import { getServerContext } from '~/lib/trpc.server'
import type { Route } from './+types/logout'

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData()
  const { setCookie } = await getServerContext(context).auth.signOut(String(form.get('csrf') ?? ''))
  return redirect('/login', { headers: { 'Set-Cookie': setCookie } })
}

export function loader() {
  return redirect('/')
}
