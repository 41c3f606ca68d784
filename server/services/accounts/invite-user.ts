import { type Actor, type InviteUserInput, ROLE_LABELS } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin, conflict } from '../org/admin.ts'
import { requireTeam } from '../references.ts'
import { validation } from '../shared.ts'
import { sendInvitation } from './send-invitation.ts'

/**
 * An admin invites someone: the account (no password), its role, and an email with a single-use link to
 * set their own password — or, where the district requires single sign-on, to sign in with it (ADR 028:
 * the admin-made account is the pending invitation).
 */
export async function inviteUser({
  db,
  actor,
  now,
  publicUrl,
  ...input
}: { db: Db; actor: Actor; now: Date; publicUrl: string } & InviteUserInput) {
  assertAdmin(actor, 'invite people')
  const sameEmail = { districtId: actor.districtId, email: input.email }
  const emailTaken = () => conflict('email', `A user of this district already has the email ${input.email}.`)
  if (await db.user.findFirst({ where: sameEmail, select: { id: true } })) throw emailTaken()
  const team = input.teamId ? await requireTeam(db, actor, input.teamId) : null
  if (team?.archivedAt) throw validation('teamId', 'This team is archived: restore it first.')
  return db.$transaction(async (tx) => {
    if (await tx.user.findFirst({ where: sameEmail, select: { id: true } })) throw emailTaken()
    const user = await tx.user.create({
      data: { districtId: actor.districtId, email: input.email, name: input.name, title: input.title },
      select: { id: true, email: true, name: true },
    })
    await tx.membership.create({
      data: {
        districtId: actor.districtId,
        userId: user.id,
        role: input.role,
        schoolId: team?.schoolId ?? null,
        teamId: team?.id ?? null,
      },
    })
    const invitation = await sendInvitation(tx, { actor, userId: user.id, now, publicUrl })
    await recordAudit(tx, actor, {
      action: 'user.invite',
      entityType: 'user',
      entityId: user.id,
      after: { email: input.email, name: input.name, role: ROLE_LABELS[input.role], teamId: input.teamId },
    })
    return { ...user, invitationId: invitation.id }
  })
}
