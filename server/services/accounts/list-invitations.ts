import { type Actor, authTokenState } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { assertAdmin } from '../org/admin.ts'

/** Invitations whose person has not signed in yet (newest first), with whether the link still works. */
export async function listInvitations({ db, actor, now }: { db: Db; actor: Actor; now: Date }) {
  assertAdmin(actor, 'see invitations')
  const rows = await db.authToken.findMany({
    where: {
      districtId: actor.districtId,
      kind: 'invitation',
      usedAt: null,
      revokedAt: null,
      user: { lastLoginAt: null, deactivatedAt: null },
    },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true } },
      createdBy: { select: { name: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    invitedBy: r.createdBy?.name ?? null,
    sentAt: r.createdAt,
    expiresAt: r.expiresAt,
    isExpired: authTokenState(r, now) === 'expired',
  }))
}
