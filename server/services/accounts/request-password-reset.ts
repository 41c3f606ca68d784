import { canAdministerDistrict, type ForgotPasswordInput } from '@pdsa/domain'
import type { RequestLimiter } from '../../auth/rate-limit.ts'
import type { Db } from '../../db/client.ts'
import { enqueueEmail } from '../../email/enqueue-email.ts'
import { loadActor } from '../actor.ts'
import { recordAudit } from '../audit.ts'
import { issueAccountToken, passwordResetUrl, revokeOpenTokens, ssoSignInUrl } from './account-links.ts'

/** Every answer takes at least this long, so the time does not tell whether the address has an account. */
export const RESET_ANSWER_MS = 700

/**
 * "Forgot password?": a single-use, expiring link by email to each active account with the address. The
 * caller always gets the same answer (nothing), at about the same time, whether or not an account exists
 * and whether or not the request was throttled. In a district that requires single sign-on, people other
 * than admins (the break-glass password, ADR 028) get an email saying to sign in with single sign-on.
 */
export async function requestPasswordReset({
  db,
  limiter,
  input,
  meta,
  now,
  publicUrl,
  minimumMs = RESET_ANSWER_MS,
}: {
  db: Db
  limiter: RequestLimiter
  input: ForgotPasswordInput
  meta: { ip: string }
  now: Date
  publicUrl: string
  minimumMs?: number
}): Promise<{ queued: number }> {
  const started = performance.now()
  let queued = 0
  try {
    if (await limiter.tryConsume([`email:${input.email}`, `ip:${meta.ip}`])) {
      queued = await sendResetEmails(db, input.email, meta.ip, now, publicUrl)
    }
  } finally {
    const rest = minimumMs - (performance.now() - started)
    if (rest > 0) await new Promise((r) => setTimeout(r, rest))
  }
  return { queued }
}

async function sendResetEmails(db: Db, email: string, ip: string, now: Date, publicUrl: string) {
  const users = await db.user.findMany({
    where: { email, deactivatedAt: null },
    select: {
      id: true,
      name: true,
      districtId: true,
      district: { select: { slug: true, ssoRequired: true } },
    },
    take: 10,
  })
  let queued = 0
  for (const user of users) {
    const actor = await loadActor(db, user.id)
    if (!actor) continue
    const ssoOnly = user.district.ssoRequired && !canAdministerDistrict(actor)
    await db.$transaction(async (tx) => {
      let actionUrl = ssoSignInUrl(publicUrl, user.district.slug)
      let expiresAt: string | null = null
      let key = `password_reset_sso:${user.id}:${now.toISOString()}`
      if (!ssoOnly) {
        await revokeOpenTokens(tx, user.id, 'password_reset', now)
        const link = await issueAccountToken(tx, {
          districtId: user.districtId,
          userId: user.id,
          kind: 'password_reset',
          createdById: null,
          now,
        })
        actionUrl = passwordResetUrl(publicUrl, link.token)
        expiresAt = link.expiresAt.toISOString()
        key = `password_reset:${link.id}`
      }
      await enqueueEmail(tx, {
        districtId: user.districtId,
        to: email,
        template: 'password_reset',
        category: 'account',
        idempotencyKey: key,
        publicUrl,
        now,
        props: { name: user.name, actionUrl, expiresAt },
      })
      await recordAudit(tx, actor, {
        action: 'auth.password_reset_request',
        entityType: 'user',
        entityId: user.id,
        after: ssoOnly ? { ip, singleSignOn: true } : { ip },
      })
    })
    queued++
  }
  return queued
}
