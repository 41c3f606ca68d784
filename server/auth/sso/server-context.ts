// What loaders and actions get for single sign-on (through ServerContext.auth): start, finish, the
// providers of a district's sign-in URL, and the provider's sign-out link. Cookies are built here.
import { createHash } from 'node:crypto'
import { IdSchema, StartSsoInputSchema } from '@pdsa/domain'
import { parse, serialize } from 'cookie'
import type { Db } from '../../db/client.ts'
import {
  finishSso,
  listSignInProviders,
  providerSignOutUrl,
  SSO_CALLBACK_PATH,
  startSso,
} from '../../services/auth/sso.ts'
import { type SessionConfig, sessionCookie } from '../session.ts'
import type { SecretBox } from './secret-box.ts'

export const SSO_COOKIE = 'pdsa_sso'
const SSO_COOKIE_PATH = '/auth/sso'

export interface SsoServerContext {
  /** Throws SsoError (code) when the provider cannot be found or reached. */
  startSso(input: unknown, redirectTo: string | null): Promise<{ location: string; setCookie: string }>
  /** Throws SsoError; always clears the sign-in cookie through `clearCookie`. */
  finishSso(url: string): Promise<{ setCookie: string; redirectTo: string }>
  clearSsoCookie: string
  ssoProviders(
    districtSlug: string,
  ): Promise<{ districtName: string; providers: { id: string; displayName: string; kind: string }[] } | null>
  /** Before the session is deleted: the provider the session signed in through, if any. */
  providerSignOut(sessionToken: string | undefined): Promise<{ providerId: string } | null>
  /** The provider's own sign-out link (offered after signing out of the app), when it has one. */
  ssoSignOutLink(providerId: string): Promise<{ url: string; providerName: string } | null>
}

export function ssoServerContext({
  db,
  secrets,
  session,
  cookieHeader,
  publicOrigin,
  meta,
}: {
  db: Db
  secrets: SecretBox | undefined
  session: SessionConfig
  cookieHeader: string | undefined
  publicOrigin: string
  meta: { ip: string; userAgent: string }
}): SsoServerContext {
  const callbackUrl = `${publicOrigin}${SSO_CALLBACK_PATH}`
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: session.secureCookies,
    path: SSO_COOKIE_PATH,
  } as const
  const box = () => {
    if (!secrets) throw new Error('Single sign-on needs a secret box (SSO_SECRET_KEY).')
    return secrets
  }
  return {
    async startSso(raw, redirectTo) {
      const input = StartSsoInputSchema.parse(raw)
      const started = await startSso({ db, secrets: box(), input, redirectTo, callbackUrl })
      return {
        location: started.authorizationUrl,
        setCookie: serialize(SSO_COOKIE, started.browserBinding, { ...cookieOptions, maxAge: 600 }),
      }
    },
    async finishSso(url) {
      const current = new URL(url)
      // The provider returns to PUBLIC_URL; the request URL may show the proxy's view of it.
      const callback = new URL(`${callbackUrl}${current.search}`)
      const finished = await finishSso({
        db,
        secrets: box(),
        session,
        callbackUrl: callback,
        browserBinding: cookieHeader ? parse(cookieHeader)[SSO_COOKIE] : undefined,
        meta,
      })
      return {
        setCookie: sessionCookie(session, finished.token, finished.expiresAt),
        redirectTo: finished.redirectTo,
      }
    },
    clearSsoCookie: serialize(SSO_COOKIE, '', { ...cookieOptions, maxAge: 0 }),
    ssoProviders: (slug) => listSignInProviders(db, slug),
    async providerSignOut(token) {
      if (!token) return null
      const row = await db.session.findUnique({
        where: { id: createHash('sha256').update(token).digest('hex') },
        select: { identityProviderId: true },
      })
      return row?.identityProviderId ? { providerId: row.identityProviderId } : null
    },
    async ssoSignOutLink(providerId) {
      if (!secrets || !IdSchema.safeParse(providerId).success) return null
      return providerSignOutUrl({
        db,
        secrets,
        identityProviderId: providerId,
        postLogoutRedirectUri: `${publicOrigin}/login`,
      })
    },
  }
}
