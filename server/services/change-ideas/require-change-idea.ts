import { type Actor, DomainError, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireEditableGoal, requireReadableGoal } from '../goals/get-goal.ts'

async function findChangeIdea(db: DbTx, actor: Actor, id: string) {
  const idea = await db.changeIdea.findFirst({ where: { id, districtId: actor.districtId } })
  if (!idea) throw notFound('Change idea')
  return idea
}

export async function requireReadableChangeIdea(db: DbTx, actor: Actor, id: string) {
  const idea = await findChangeIdea(db, actor, id)
  const goal = await requireReadableGoal(db, actor, idea.goalId)
  return { idea, goal }
}

export async function requireEditableChangeIdea(db: DbTx, actor: Actor, id: string) {
  const idea = await findChangeIdea(db, actor, id)
  const goal = await requireEditableGoal(db, actor, idea.goalId)
  return { idea, goal }
}

/** The drivers a change idea links to must be secondary drivers of its own goal. */
export async function requireSecondaryDrivers(
  db: DbTx,
  actor: Actor,
  goalId: string,
  ids: readonly string[],
  field = 'driverIds',
) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return unique
  const drivers = await db.driverNode.findMany({
    where: { id: { in: unique }, districtId: actor.districtId },
    select: { id: true, goalId: true, kind: true },
  })
  const fail = (message: string) =>
    new DomainError('VALIDATION', `${field}: ${message}`, { fieldErrors: { [field]: [message] } })
  if (drivers.length !== unique.length || drivers.some((d) => d.goalId !== goalId)) {
    throw fail('Link only to drivers of this goal.')
  }
  if (drivers.some((d) => d.kind !== 'secondary')) {
    throw fail('Link change ideas to secondary drivers, not primary drivers.')
  }
  return unique
}
