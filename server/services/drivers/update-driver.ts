import type { Actor, UpdateDriverInput } from '@pdsa/domain'
import type { Db, DbTx } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { validation } from '../shared.ts'
import { requireEditableDriver, requirePrimaryParent, toDriverDto } from './require-driver.ts'

/** Numbers the siblings 0…n-1 with the moved driver at `index` (at the end when index is undefined). */
async function placeAmongSiblings(
  tx: DbTx,
  driver: { id: string; goalId: string },
  parentId: string | null,
  index: number | undefined,
) {
  const siblings = await tx.driverNode.findMany({
    where: { goalId: driver.goalId, parentId, id: { not: driver.id } },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, position: true },
  })
  const order = siblings.map((s) => s.id)
  order.splice(Math.min(index ?? order.length, order.length), 0, driver.id)
  const current = new Map(siblings.map((s) => [s.id, s.position]))
  for (const [position, id] of order.entries()) {
    if (current.get(id) !== position) await tx.driverNode.update({ where: { id }, data: { position } })
  }
}

/** Rename or describe a driver, move a secondary driver under another primary, or change its place. */
export async function updateDriver({
  db,
  actor,
  id,
  ...patch
}: { db: Db; actor: Actor } & UpdateDriverInput) {
  const { driver, goal } = await requireEditableDriver(db, actor, id)
  if (patch.parentId !== undefined) {
    if (driver.kind === 'primary') throw validation('parentId', 'A primary driver has no parent.')
    await requirePrimaryParent(db, actor, goal.id, patch.parentId)
  }
  const parentId = patch.parentId ?? driver.parentId
  const moved = parentId !== driver.parentId
  const fields = { title: patch.title, description: patch.description, parentId: patch.parentId }
  const { before, after, changed } = changedFields(driver as unknown as Record<string, unknown>, fields)
  return db.$transaction(async (tx) => {
    if (changed) await tx.driverNode.update({ where: { id }, data: fields })
    if (moved || patch.position !== undefined) {
      await placeAmongSiblings(tx, driver, parentId, patch.position)
    }
    const updated = await tx.driverNode.findUniqueOrThrow({ where: { id } })
    if (changed || updated.position !== driver.position) {
      await recordAudit(tx, actor, {
        action: 'driver.update',
        entityType: 'driver_node',
        entityId: id,
        before: { ...before, position: driver.position },
        after: { ...after, position: updated.position },
      })
    }
    return toDriverDto(updated)
  })
}
