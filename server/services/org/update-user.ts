import { type Actor, notFound, type UpdateUserInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { invalidState } from '../shared.ts'
import { assertAdmin, countOtherActiveAdmins, LAST_ADMIN_MESSAGE, lockDistrict } from './admin.ts'

type AccessChanged = (change: { userId: string }) => void

/**
 * Name, title, deactivate or reactivate. Deactivating signs the user out everywhere (sessions deleted
 * in the same transaction) and is refused for the district's last active admin.
 */
export async function updateUser({
  db,
  actor,
  id,
  deactivated,
  now = new Date(),
  onAccessChanged,
  ...patch
}: { db: Db; actor: Actor; now?: Date; onAccessChanged?: AccessChanged } & UpdateUserInput) {
  const user = await db.user.findFirst({
    where: { id, districtId: actor.districtId },
    select: { id: true, name: true, title: true, deactivatedAt: true, awaitingApprovalSince: true },
  })
  if (!user) throw notFound('User')
  assertAdmin(actor, 'change users')
  const deactivating = deactivated === true && user.deactivatedAt === null
  const reactivating = deactivated === false && user.deactivatedAt !== null
  if (deactivating && id === actor.userId) {
    throw invalidState('You cannot deactivate your own account: ask another admin.')
  }
  const data = {
    ...patch,
    // Reactivating an account that single sign-on created for approval is the approval.
    ...(deactivating
      ? { deactivatedAt: now }
      : reactivating
        ? { deactivatedAt: null, awaitingApprovalSince: null }
        : {}),
  }
  const { before, after, changed } = changedFields(user as unknown as Record<string, unknown>, data)
  const result = await db.$transaction(async (tx) => {
    if (deactivating) {
      await lockDistrict(tx, actor.districtId)
      if ((await countOtherActiveAdmins(tx, actor.districtId, { userId: id })) === 0) {
        throw invalidState(LAST_ADMIN_MESSAGE)
      }
      await tx.session.deleteMany({ where: { userId: id } })
    }
    if (!changed) return user
    const updated = await tx.user.update({
      where: { id },
      data,
      select: { id: true, email: true, name: true, title: true, deactivatedAt: true },
    })
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, before, after })
    return updated
  })
  if (deactivating) onAccessChanged?.({ userId: id })
  return { id: result.id, name: result.name, title: result.title, deactivated: result.deactivatedAt !== null }
}
