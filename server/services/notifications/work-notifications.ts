// Notifications about a team's work: a cycle changed stage (→ the team), an import finished (→ whoever
// started it, with its counts).
import { type Actor, CYCLE_STAGES, type CycleStage, canReadTeam, STAGE_LABELS } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { notify } from './notify.ts'
import { teamEditorIds } from './recipients.ts'

/** Inside the transition's transaction. The section of the stage the cycle moved to is the target. */
export async function notifyCycleStageChanged(
  db: DbTx,
  args: { actor: Actor; cycleId: string; from: CycleStage; to: CycleStage; snapshotId: string; now: Date },
): Promise<string[]> {
  const cycle = await db.pdsaCycle.findUniqueOrThrow({
    where: { id: args.cycleId },
    select: { districtId: true, schoolId: true, teamId: true, title: true, ownerId: true },
  })
  const team = await teamEditorIds(db, cycle.teamId)
  const direction = CYCLE_STAGES.indexOf(args.to) < CYCLE_STAGES.indexOf(args.from) ? 'back to' : 'to'
  return notify(db, {
    districtId: cycle.districtId,
    actorId: args.actor.userId,
    category: 'cycle_stage',
    dedupeKey: `cycle:${args.cycleId}:stage:${args.snapshotId}`,
    title: `${args.actor.name} moved “${cycle.title}” ${direction} ${STAGE_LABELS[args.to]}`,
    body: `From ${STAGE_LABELS[args.from]} to ${STAGE_LABELS[args.to]}.`,
    link: `/cycles/${args.cycleId}#section-${args.to}`,
    recipientIds: cycle.ownerId ? [...team, cycle.ownerId] : team,
    canOpen: (r) => canReadTeam(r, cycle),
    createdAt: args.now,
  })
}

/**
 * After an import committed. The person who started it gets it even though they are the actor: an
 * import can take minutes and they may have left the page (the one exception to "never the actor").
 */
export async function notifyImportFinished(
  db: DbTx,
  args: {
    actor: Actor
    batchId: string
    fileName: string
    counts: { inserted: number; updated: number; unchanged: number; skipped: number }
    now: Date
  },
): Promise<string[]> {
  const { inserted, updated, unchanged, skipped } = args.counts
  return notify(db, {
    districtId: args.actor.districtId,
    actorId: null,
    category: 'import_finished',
    dedupeKey: `import:${args.batchId}`,
    title: `Import of ${args.fileName} finished`,
    body: `${inserted} new, ${updated} changed, ${unchanged} unchanged, ${skipped} skipped.`,
    link: '/data/import#history',
    recipientIds: [args.actor.userId],
    canOpen: () => true,
    createdAt: args.now,
  })
}
