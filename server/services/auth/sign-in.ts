import { canAdministerDistrict, DomainError, homePathFor, type SignInInput } from '@pdsa/domain'
import { dummyPasswordHash, verifyPassword } from '../../auth/password.ts'
import type { SignInLimiter } from '../../auth/rate-limit.ts'
import { createSession, type SessionConfig } from '../../auth/session.ts'
import type { Db } from '../../db/client.ts'
import { issueAccountToken, revokeOpenTokens } from '../accounts/account-links.ts'
import { loadActor } from '../actor.ts'
import { recordAudit } from '../audit.ts'

const BAD_CREDENTIALS = 'That email and password do not match an account.'
export const SSO_REQUIRED =
  'Your district signs in with its own accounts: choose “Sign in with single sign-on” and use your school email.'

export async function signIn({
  db,
  limiter,
  session,
  input,
  meta,
}: {
  db: Db
  limiter: SignInLimiter
  session: SessionConfig
  input: SignInInput
  meta: { ip: string; userAgent: string }
}): Promise<
  | { token: string; expiresAt: Date; redirectTo: string }
  | { token: null; expiresAt: null; redirectTo: string }
> {
  const wait = await limiter.blockedFor(input.email, meta.ip)
  if (wait > 0) {
    throw new DomainError(
      'RATE_LIMITED',
      `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`,
      {
        retryAfterSeconds: wait,
      },
    )
  }
  // Emails are unique within a district (ADR 019): the same address can have an account in two
  // districts; the password decides which one signs in. Every candidate's hash is checked, so the
  // time taken does not say which one matched.
  const candidates = await db.user.findMany({
    where: { email: input.email, deactivatedAt: null },
    select: {
      id: true,
      mustChangePassword: true,
      districtId: true,
      password: { select: { hash: true } },
      district: { select: { ssoRequired: true } },
    },
    orderBy: { createdAt: 'asc' },
    take: 10,
  })
  const hashes = candidates.length
    ? candidates.map((c) => c.password?.hash ?? null)
    : [await dummyPasswordHash()]
  const matches = await Promise.all(
    hashes.map((hash) => (hash ? verifyPassword(hash, input.password) : Promise.resolve(false))),
  )
  const user = candidates.find((_c, i) => matches[i])
  if (!user) {
    await limiter.recordFailure(input.email, meta.ip)
    throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS)
  }
  await limiter.recordSuccess(input.email, meta.ip)
  const actor = await loadActor(db, user.id)
  if (!actor) throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS)
  // A district that requires single sign-on refuses passwords, told only to someone who knew theirs;
  // its admins keep a password as the break-glass path when the provider is down (ADR 028).
  const breakGlass = user.district.ssoRequired && canAdministerDistrict(actor)
  if (user.district.ssoRequired && !breakGlass) {
    throw new DomainError('UNAUTHENTICATED', SSO_REQUIRED)
  }
  if (user.mustChangePassword) {
    // A temporary password an admin set: it only opens the page that chooses a new one (ADR 029).
    const link = await db.$transaction(async (tx) => {
      await revokeOpenTokens(tx, user.id, 'password_reset', new Date())
      return issueAccountToken(tx, {
        districtId: user.districtId,
        userId: user.id,
        kind: 'password_reset',
        createdById: null,
        now: new Date(),
      })
    })
    return { token: null, expiresAt: null, redirectTo: `/reset-password/${link.token}` }
  }
  const created = await db.$transaction(async (tx) => {
    const s = await createSession(tx, session, user.id, meta)
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
    await recordAudit(tx, actor, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: breakGlass ? { ip: meta.ip, breakGlass: true } : { ip: meta.ip },
    })
    return s
  })
  return { ...created, redirectTo: homePathFor(actor) }
}
