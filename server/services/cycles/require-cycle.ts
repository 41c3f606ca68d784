// Loading a cycle within the actor's district and checking what the actor may do with it.
import { type Actor, canEditTeam, canManageTeam, canReadTeam, forbidden, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** A cycle of the actor's district that the actor may read; else NOT_FOUND (other district) or FORBIDDEN. */
export async function requireReadableCycle(db: DbTx, actor: Actor, id: string) {
  const cycle = await db.pdsaCycle.findFirst({ where: { id, districtId: actor.districtId } })
  if (!cycle) throw notFound('Cycle')
  if (!canReadTeam(actor, cycle)) throw forbidden('You do not have access to this cycle.')
  return cycle
}

/** A cycle whose worksheet the actor may change (the team's lead and members). */
export async function requireEditableCycle(db: DbTx, actor: Actor, id: string) {
  const cycle = await requireReadableCycle(db, actor, id)
  if (!canEditTeam(actor, cycle)) throw forbidden('Only members of the team can change this cycle.')
  return cycle
}

/** A cycle the actor may delete (the team lead, or a district admin). */
export async function requireManageableCycle(db: DbTx, actor: Actor, id: string) {
  const cycle = await requireReadableCycle(db, actor, id)
  if (!canManageTeam(actor, cycle)) throw forbidden('Only the team lead or an admin can delete a cycle.')
  return cycle
}
