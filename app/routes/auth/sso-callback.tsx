// The identity provider sends the browser back here with a code (or an error). Signing in happens on
// the server (server/services/auth/sso.ts); this route only turns the outcome into a redirect.
import { isSsoErrorCode } from '@pdsa/domain'
import { redirect } from 'react-router'
import { getServerContext } from '~/lib/trpc.server'
import type { Route } from './+types/sso-callback'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { auth } = getServerContext(context)
  const headers = new Headers()
  headers.append('Set-Cookie', auth.clearSsoCookie)
  headers.set('Cache-Control', 'no-store')
  try {
    const { setCookie, redirectTo } = await auth.finishSso(request.url)
    headers.append('Set-Cookie', setCookie)
    return redirect(redirectTo, { headers })
  } catch (error) {
    const e = error as { name?: string; code?: string }
    if (e.name !== 'SsoError') console.error('Single sign-on callback failed:', error)
    const code = e.name === 'SsoError' && isSsoErrorCode(e.code ?? null) ? e.code : 'invalid_response'
    return redirect(`/login?sso_error=${code}`, { headers })
  }
}
