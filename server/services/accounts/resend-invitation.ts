import { type Actor, notFound } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin } from '../org/admin.ts'
import { invalidState } from '../shared.ts'
import { sendInvitation } from './send-invitation.ts'

/** A fresh link by email (the old one stops working); for expired invitations too. */
export async function resendInvitation({
  db,
  actor,
  invitationId,
  now,
  publicUrl,
}: {
  db: Db
  actor: Actor
  invitationId: string
  now: Date
  publicUrl: string
}) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.authToken.findFirst({
      where: { id: invitationId, districtId: actor.districtId, kind: 'invitation' },
      select: { userId: true, usedAt: true, revokedAt: true, user: { select: { lastLoginAt: true } } },
    })
    // Another district's invitation does not exist for this actor (NOT_FOUND before FORBIDDEN).
    if (!invitation) throw notFound('Invitation')
    assertAdmin(actor, 'resend invitations')
    if (invitation.usedAt || invitation.user.lastLoginAt) {
      throw invalidState('This person has already accepted the invitation and signed in.')
    }
    if (invitation.revokedAt) throw invalidState('This invitation was revoked or replaced by a newer one.')
    const sent = await sendInvitation(tx, { actor, userId: invitation.userId, now, publicUrl })
    await recordAudit(tx, actor, {
      action: 'user.resend_invitation',
      entityType: 'user',
      entityId: invitation.userId,
      after: { invitationId: sent.id },
    })
    return { invitationId: sent.id }
  })
}
