import { type Actor, ROLES, type Role } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { enqueueEmail } from '../../email/enqueue-email.ts'
import {
  invitationUrl,
  issueAccountToken,
  revokeOpenTokens,
  roleDescription,
  ssoSignInUrl,
} from './account-links.ts'

/** A new invitation link for the user (earlier ones stop working) and its email, in the caller's transaction. */
export async function sendInvitation(
  tx: DbTx,
  { actor, userId, now, publicUrl }: { actor: Actor; userId: string; now: Date; publicUrl: string },
) {
  const user = await tx.user.findFirstOrThrow({
    where: { id: userId, districtId: actor.districtId },
    select: {
      email: true,
      name: true,
      district: { select: { slug: true, ssoRequired: true } },
      memberships: {
        select: { role: true, team: { select: { name: true, school: { select: { name: true } } } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
  await revokeOpenTokens(tx, userId, 'invitation', now)
  const link = await issueAccountToken(tx, {
    districtId: actor.districtId,
    userId,
    kind: 'invitation',
    createdById: actor.userId,
    now,
  })
  const first = [...user.memberships].sort(
    (a, b) => ROLES.indexOf(a.role as Role) - ROLES.indexOf(b.role as Role),
  )[0]
  const description = first
    ? roleDescription(
        first.role as Role,
        first.team ? { name: first.team.name, schoolName: first.team.school.name } : null,
      )
    : 'a member'
  const sso = user.district.ssoRequired
  await enqueueEmail(tx, {
    districtId: actor.districtId,
    to: user.email,
    template: 'invitation',
    category: 'account',
    idempotencyKey: `invitation:${link.id}`,
    publicUrl,
    now,
    props: {
      inviteeName: user.name,
      inviterName: actor.name,
      roleDescription: description,
      actionUrl: sso ? ssoSignInUrl(publicUrl, user.district.slug) : invitationUrl(publicUrl, link.token),
      expiresAt: sso ? null : link.expiresAt.toISOString(),
    },
  })
  return { id: link.id }
}
