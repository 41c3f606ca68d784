import type { Actor } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireManageableCycle } from './require-cycle.ts'

/** Deletes a cycle with its worksheet, snapshots and comments (team lead or admin). Later cycles of its ramp stay. */
export async function deleteCycle({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const cycle = await requireManageableCycle(db, actor, id)
  await db.$transaction(async (tx) => {
    await tx.pdsaCycle.delete({ where: { id } })
    await recordAudit(tx, actor, {
      action: 'cycle.delete',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: cycle,
    })
  })
  return { id, teamId: cycle.teamId }
}
