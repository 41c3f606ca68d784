import { type Actor, notFound } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin } from '../org/admin.ts'
import { invalidState } from '../shared.ts'

/** The link stops working and the account that was never used is deactivated (reactivate it to undo). */
export async function revokeInvitation({
  db,
  actor,
  invitationId,
  now,
}: {
  db: Db
  actor: Actor
  invitationId: string
  now: Date
}) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.authToken.findFirst({
      where: { id: invitationId, districtId: actor.districtId, kind: 'invitation' },
      select: { userId: true, usedAt: true, revokedAt: true, user: { select: { lastLoginAt: true } } },
    })
    // Another district's invitation does not exist for this actor (NOT_FOUND before FORBIDDEN).
    if (!invitation) throw notFound('Invitation')
    assertAdmin(actor, 'revoke invitations')
    if (invitation.usedAt || invitation.user.lastLoginAt) {
      throw invalidState('This person has already accepted the invitation: deactivate the user instead.')
    }
    if (invitation.revokedAt) throw invalidState('This invitation was already revoked.')
    await tx.authToken.updateMany({
      where: { userId: invitation.userId, kind: 'invitation', usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    })
    await tx.user.update({ where: { id: invitation.userId }, data: { deactivatedAt: now } })
    await recordAudit(tx, actor, {
      action: 'user.revoke_invitation',
      entityType: 'user',
      entityId: invitation.userId,
      after: { invitationId },
    })
    return { ok: true as const }
  })
}
