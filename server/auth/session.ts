// Server-side sessions: the cookie holds 32 random bytes (base64url); the database holds only their SHA-256.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Actor } from '@pdsa/domain'
import { parse, serialize } from 'cookie'
import type { DbTx } from '../db/client.ts'
import { loadActor } from '../services/actor.ts'

export const SESSION_COOKIE = 'pdsa_session'
/** Sessions are renewed (sliding expiry) at most this often, to spare a write on every request. */
const RENEW_AFTER_MS = 5 * 60_000

export interface SessionConfig {
  ttlHours: number
  secret: string
  secureCookies: boolean
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

export async function createSession(
  db: DbTx,
  config: SessionConfig,
  userId: string,
  meta: { userAgent: string; ip: string },
  /** Set when the person signed in through a district's identity provider. */
  identityProviderId: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + config.ttlHours * 3_600_000)
  await db.session.create({
    data: {
      id: sha256(token),
      userId,
      csrfSecret: randomBytes(32).toString('base64url'),
      expiresAt,
      userAgent: meta.userAgent.slice(0, 300),
      ip: meta.ip.slice(0, 64),
      identityProviderId,
    },
  })
  return { token, expiresAt }
}

export interface ResolvedSession {
  sessionId: string
  csrfToken: string
  actor: Actor
  expiresAt: Date
}

export function csrfTokenFor(config: Pick<SessionConfig, 'secret'>, csrfSecret: string): string {
  return createHmac('sha256', config.secret).update(csrfSecret).digest('base64url')
}

export function isValidCsrfToken(expected: string, given: string | null | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The session behind a cookie token, if it exists, has not expired and its user is active. */
export async function resolveSession(
  db: DbTx,
  config: SessionConfig,
  token: string | undefined,
): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null
  const id = sha256(token)
  const session = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      csrfSecret: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { deactivatedAt: true } },
    },
  })
  const now = Date.now()
  if (!session || session.expiresAt.getTime() <= now || session.user.deactivatedAt) return null
  const actor = await loadActor(db, session.userId)
  if (!actor) return null
  let expiresAt = session.expiresAt
  if (now - session.lastSeenAt.getTime() > RENEW_AFTER_MS) {
    expiresAt = new Date(now + config.ttlHours * 3_600_000)
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt } })
  }
  return { sessionId: id, csrfToken: csrfTokenFor(config, session.csrfSecret), actor, expiresAt }
}

export async function deleteSession(db: DbTx, token: string | undefined): Promise<void> {
  if (!token) return
  await db.session.deleteMany({ where: { id: sha256(token) } })
}

export function readSessionToken(cookieHeader: string | undefined | null): string | undefined {
  if (!cookieHeader) return undefined
  return parse(cookieHeader)[SESSION_COOKIE]
}

export function sessionCookie(config: SessionConfig, token: string, expiresAt: Date): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  })
}

export function clearedSessionCookie(config: SessionConfig): string {
  return serialize(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: 0,
  })
}
