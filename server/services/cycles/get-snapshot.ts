import {
  type Actor,
  type CycleSnapshotContent,
  type CycleStage,
  canReadTeam,
  forbidden,
  notFound,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** One stage snapshot with its content, read-only. */
export async function getSnapshot({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const snapshot = await db.cycleSnapshot.findFirst({
    where: { id, cycle: { districtId: actor.districtId } },
    include: {
      cycle: { select: { id: true, title: true, schoolId: true, teamId: true } },
      takenBy: { select: { id: true, name: true } },
    },
  })
  if (!snapshot) throw notFound('Snapshot')
  if (!canReadTeam(actor, snapshot.cycle)) throw forbidden('You do not have access to this cycle.')
  return {
    id: snapshot.id,
    cycle: { id: snapshot.cycle.id, title: snapshot.cycle.title },
    fromStage: snapshot.fromStage as CycleStage,
    toStage: snapshot.toStage as CycleStage,
    takenAt: snapshot.takenAt,
    takenBy: snapshot.takenBy,
    content: snapshot.content as unknown as CycleSnapshotContent,
  }
}
