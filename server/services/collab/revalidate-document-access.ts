import type { Actor, CycleStage } from '@pdsa/domain'
import { cycleDocumentAccess, type DocumentAccess } from '@pdsa/domain/collab'
import type { DbTx } from '../../db/client.ts'

export interface OpenDocumentSession {
  sessionId: string
  userId: string
  cycleId: string
}

export type RevalidatedAccess =
  | { status: 'ok'; access: DocumentAccess; stage: CycleStage }
  | { status: 'unauthenticated' | 'forbidden' | 'not_found' }

/**
 * Re-checks open collaboration connections in three queries: sessions still valid (not expired or
 * signed out, user active), the users' current grants, and the cycles' current team and stage.
 * Returns one verdict per input, in order.
 */
export async function revalidateDocumentAccess({
  db,
  sessions,
  now,
}: {
  db: DbTx
  sessions: readonly OpenDocumentSession[]
  now: Date
}): Promise<RevalidatedAccess[]> {
  if (sessions.length === 0) return []
  const [validSessions, cycles] = await Promise.all([
    db.session.findMany({
      where: {
        id: { in: [...new Set(sessions.map((s) => s.sessionId))] },
        expiresAt: { gt: now },
        user: { deactivatedAt: null },
      },
      select: { id: true },
    }),
    db.pdsaCycle.findMany({
      where: { id: { in: [...new Set(sessions.map((s) => s.cycleId))] } },
      select: { id: true, districtId: true, schoolId: true, teamId: true, stage: true },
    }),
  ])
  const valid = new Set(validSessions.map((s) => s.id))
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(sessions.filter((s) => valid.has(s.sessionId)).map((s) => s.userId))] } },
    select: {
      id: true,
      districtId: true,
      name: true,
      email: true,
      memberships: { select: { role: true, schoolId: true, teamId: true } },
    },
  })
  const actors = new Map<string, Actor>(
    users.map((u) => [
      u.id,
      { userId: u.id, districtId: u.districtId, name: u.name, email: u.email, grants: u.memberships },
    ]),
  )
  const cycleById = new Map(cycles.map((c) => [c.id, c]))
  return sessions.map((s): RevalidatedAccess => {
    const actor = actors.get(s.userId)
    if (!valid.has(s.sessionId) || !actor) return { status: 'unauthenticated' }
    const cycle = cycleById.get(s.cycleId)
    if (!cycle || cycle.districtId !== actor.districtId) return { status: 'not_found' }
    const access = cycleDocumentAccess(actor, cycle)
    return access ? { status: 'ok', access, stage: cycle.stage } : { status: 'forbidden' }
  })
}
