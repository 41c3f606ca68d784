import { type Actor, type CycleStage, forbidden, notFound } from '@pdsa/domain'
import { cycleDocumentAccess, type DocumentAccess } from '@pdsa/domain/collab'
import type { DbTx } from '../../db/client.ts'

export interface CycleDocumentAccess {
  cycleId: string
  districtId: string
  schoolId: string
  teamId: string
  stage: CycleStage
  access: DocumentAccess
}

/**
 * Whether the actor may open a cycle's collaborative document, and how: NOT_FOUND for an unknown
 * cycle or one of another district, FORBIDDEN for anyone who is neither on the team nor coaching or
 * leading it. Called before the WebSocket upgrade is accepted.
 */
export async function getCycleDocumentAccess({
  db,
  actor,
  cycleId,
}: {
  db: DbTx
  actor: Actor
  cycleId: string
}): Promise<CycleDocumentAccess> {
  const cycle = await db.pdsaCycle.findFirst({
    where: { id: cycleId, districtId: actor.districtId },
    select: { id: true, districtId: true, schoolId: true, teamId: true, stage: true },
  })
  if (!cycle) throw notFound('Cycle')
  const access = cycleDocumentAccess(actor, cycle)
  if (!access) throw forbidden('Only the team, its coaches and district leaders can open this worksheet.')
  return {
    cycleId: cycle.id,
    districtId: cycle.districtId,
    schoolId: cycle.schoolId,
    teamId: cycle.teamId,
    stage: cycle.stage,
    access,
  }
}
