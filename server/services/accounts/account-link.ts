import {
  AUTH_TOKEN_REFUSALS,
  type AuthTokenKind,
  authTokenState,
  canAdministerDistrict,
  DomainError,
  homePathFor,
  type SetPasswordFromLinkInput,
} from '@pdsa/domain'
import { hashPassword } from '../../auth/password.ts'
import { createSession, type SessionConfig } from '../../auth/session.ts'
import type { Db, DbTx } from '../../db/client.ts'
import { loadActor } from '../actor.ts'
import { recordAudit } from '../audit.ts'
import { SSO_REQUIRED } from '../auth/sign-in.ts'
import { hashAccountToken } from './account-links.ts'

export type AccountLinkView =
  | { ok: true; kind: AuthTokenKind; name: string; email: string; districtName: string; mustChange: boolean }
  | { ok: false; message: string }

async function findLink(db: DbTx, token: string) {
  return db.authToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: {
      id: true,
      kind: true,
      userId: true,
      districtId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: {
        select: {
          name: true,
          email: true,
          deactivatedAt: true,
          mustChangePassword: true,
          district: { select: { name: true, ssoRequired: true } },
        },
      },
    },
  })
}

async function refusal(
  db: DbTx,
  link: Awaited<ReturnType<typeof findLink>>,
  now: Date,
): Promise<string | null> {
  if (!link) return AUTH_TOKEN_REFUSALS.unknown
  const state = authTokenState(link, now)
  if (state !== 'valid') return AUTH_TOKEN_REFUSALS[state]
  if (link.user.deactivatedAt) return 'This account is deactivated. Ask your district admin.'
  if (link.user.district.ssoRequired) {
    const actor = await loadActor(db, link.userId)
    if (!actor || !canAdministerDistrict(actor)) return SSO_REQUIRED
  }
  return null
}

/** What the set-password page shows for a link: whose it is, or why it does not work. */
export async function checkAccountLink({
  db,
  token,
  now,
}: {
  db: Db
  token: string
  now: Date
}): Promise<AccountLinkView> {
  const link = await findLink(db, token)
  const problem = await refusal(db, link, now)
  if (problem || !link) return { ok: false, message: problem ?? AUTH_TOKEN_REFUSALS.unknown }
  return {
    ok: true,
    kind: link.kind,
    name: link.user.name,
    email: link.user.email,
    districtName: link.user.district.name,
    mustChange: link.user.mustChangePassword,
  }
}

/** Uses the link once: sets the password and signs the person in. A second use is refused. */
export async function setPasswordFromLink({
  db,
  session,
  input,
  meta,
  now,
}: {
  db: Db
  session: SessionConfig
  input: SetPasswordFromLinkInput
  meta: { ip: string; userAgent: string }
  now: Date
}) {
  const hash = await hashPassword(input.password)
  const result = await db.$transaction(async (tx) => {
    const link = await findLink(tx, input.token)
    const problem = await refusal(tx, link, now)
    if (problem || !link) throw new DomainError('INVALID_STATE', problem ?? AUTH_TOKEN_REFUSALS.unknown)
    // The row is the lock: of two uses at the same moment, one updates it and the other finds it used.
    const used = await tx.authToken.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null },
      data: { usedAt: now },
    })
    if (used.count !== 1) throw new DomainError('INVALID_STATE', AUTH_TOKEN_REFUSALS.used)
    await tx.password.upsert({
      where: { userId: link.userId },
      create: { userId: link.userId, hash },
      update: { hash },
    })
    await tx.authToken.updateMany({
      where: { userId: link.userId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    })
    await tx.session.deleteMany({ where: { userId: link.userId } })
    await tx.user.update({
      where: { id: link.userId },
      data: { mustChangePassword: false, lastLoginAt: now },
    })
    const created = await createSession(tx, session, link.userId, meta)
    await recordAudit(
      tx,
      { userId: link.userId, districtId: link.districtId },
      {
        action: link.kind === 'invitation' ? 'user.accept_invitation' : 'auth.password_reset',
        entityType: 'user',
        entityId: link.userId,
        after: { ip: meta.ip },
      },
    )
    return { ...created, userId: link.userId }
  })
  const actor = await loadActor(db, result.userId)
  return { token: result.token, expiresAt: result.expiresAt, redirectTo: actor ? homePathFor(actor) : '/' }
}
