// One narrative section's plain text. Kept small and on its own: the real-time collaboration server
// will later write these columns from the cycle's shared document.
import { type Actor, narrativeColumn, type UpdateNarrativeInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireEditableCycle } from './require-cycle.ts'

export async function updateNarrative({
  db,
  actor,
  now,
  id,
  section,
  text,
}: { db: Db; actor: Actor; now: Date } & UpdateNarrativeInput) {
  const cycle = await requireEditableCycle(db, actor, id)
  const column = narrativeColumn(section)
  const previous = cycle[column]
  if (previous === text) return { id, section, text, lastEditedAt: cycle.lastEditedAt }
  await db.$transaction(async (tx) => {
    await tx.pdsaCycle.update({ where: { id }, data: { [column]: text, lastEditedAt: now } })
    await recordAudit(tx, actor, {
      action: 'cycle.update_narrative',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { [column]: previous },
      after: { [column]: text },
    })
  })
  return { id, section, text, lastEditedAt: now }
}
