import { type Actor, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireEditableGoal } from '../goals/get-goal.ts'
import { validation } from '../shared.ts'

/** A driver of the actor's district whose goal the actor may change. */
export async function requireEditableDriver(db: DbTx, actor: Actor, id: string) {
  const driver = await db.driverNode.findFirst({ where: { id, districtId: actor.districtId } })
  if (!driver) throw notFound('Driver')
  const goal = await requireEditableGoal(db, actor, driver.goalId)
  return { driver, goal }
}

/** A secondary driver's parent: a primary driver of the same goal. */
export async function requirePrimaryParent(db: DbTx, actor: Actor, goalId: string, parentId: string) {
  const parent = await db.driverNode.findFirst({ where: { id: parentId, districtId: actor.districtId } })
  if (!parent || parent.goalId !== goalId) {
    throw validation('parentId', 'Choose a primary driver of this goal.')
  }
  if (parent.kind !== 'primary') {
    throw validation('parentId', 'A secondary driver goes under a primary driver, not another secondary.')
  }
  return parent
}

export function toDriverDto(row: {
  id: string
  goalId: string
  parentId: string | null
  kind: 'primary' | 'secondary'
  title: string
  description: string
  position: number
}) {
  return {
    id: row.id,
    goalId: row.goalId,
    parentId: row.parentId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    position: row.position,
  }
}
