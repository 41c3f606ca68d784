import { type Actor, notFound, type RevokeRoleInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { invalidState } from '../shared.ts'
import { assertAdmin, countOtherActiveAdmins, LAST_ADMIN_MESSAGE, lockDistrict } from './admin.ts'

/** Removes one role. The district's last active admin keeps theirs. */
export async function revokeRole({
  db,
  actor,
  membershipId,
  onAccessChanged,
}: { db: Db; actor: Actor; onAccessChanged?: (change: { userId: string }) => void } & RevokeRoleInput) {
  const membership = await db.membership.findFirst({
    where: { id: membershipId, districtId: actor.districtId },
  })
  if (!membership) throw notFound('Role')
  assertAdmin(actor, 'revoke roles')
  const isDistrictAdmin = membership.role === 'admin' && !membership.schoolId && !membership.teamId
  await db.$transaction(async (tx) => {
    if (isDistrictAdmin) {
      await lockDistrict(tx, actor.districtId)
      const user = await tx.user.findUniqueOrThrow({
        where: { id: membership.userId },
        select: { deactivatedAt: true },
      })
      const others = await countOtherActiveAdmins(tx, actor.districtId, { membershipId })
      if (user.deactivatedAt === null && others === 0) throw invalidState(LAST_ADMIN_MESSAGE)
    }
    await tx.membership.delete({ where: { id: membershipId } })
    await recordAudit(tx, actor, {
      action: 'user.revoke_role',
      entityType: 'user',
      entityId: membership.userId,
      before: {
        membershipId,
        role: membership.role,
        schoolId: membership.schoolId,
        teamId: membership.teamId,
      },
    })
  })
  onAccessChanged?.({ userId: membership.userId })
  return { ok: true as const }
}
