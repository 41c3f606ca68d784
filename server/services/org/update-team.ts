import type { Actor, UpdateTeamInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { requireTeam } from '../references.ts'
import { assertAdmin } from './admin.ts'

/** Rename, describe, archive or restore a team. Archived teams keep their work but leave the navigation. */
export async function updateTeam({
  db,
  actor,
  id,
  archived,
  now = new Date(),
  ...patch
}: { db: Db; actor: Actor; now?: Date } & UpdateTeamInput) {
  const team = await requireTeam(db, actor, id)
  assertAdmin(actor, 'change teams')
  const data = {
    ...patch,
    ...(archived === undefined || archived === (team.archivedAt !== null)
      ? {}
      : { archivedAt: archived ? now : null }),
  }
  const { before, after, changed } = changedFields(team as unknown as Record<string, unknown>, data)
  if (!changed) return team
  return db.$transaction(async (tx) => {
    const updated = await tx.team.update({ where: { id }, data })
    await recordAudit(tx, actor, { action: 'team.update', entityType: 'team', entityId: id, before, after })
    return updated
  })
}
