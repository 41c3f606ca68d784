import type { Actor, CycleStage } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { requireReadableCycle } from './require-cycle.ts'

export const snapshotListSelect = {
  id: true,
  fromStage: true,
  toStage: true,
  reason: true,
  takenAt: true,
  takenBy: { select: { id: true, name: true } },
} satisfies Prisma.CycleSnapshotSelect

export function toSnapshotListItem(s: Prisma.CycleSnapshotGetPayload<{ select: typeof snapshotListSelect }>) {
  return {
    id: s.id,
    fromStage: s.fromStage as CycleStage,
    toStage: s.toStage as CycleStage,
    /** Why a team lead moved the cycle back (null for moves forward). */
    reason: s.reason,
    takenAt: s.takenAt,
    takenBy: s.takenBy,
  }
}

/** The cycle's version history: one read-only snapshot per stage transition, oldest first. */
export async function listSnapshots({ db, actor, cycleId }: { db: DbTx; actor: Actor; cycleId: string }) {
  const cycle = await requireReadableCycle(db, actor, cycleId)
  const rows = await db.cycleSnapshot.findMany({
    where: { cycleId: cycle.id },
    select: snapshotListSelect,
    orderBy: { takenAt: 'asc' },
  })
  return rows.map(toSnapshotListItem)
}
