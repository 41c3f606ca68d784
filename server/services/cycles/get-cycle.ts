import {
  type Actor,
  arePredictionsLockedFor,
  type CycleStage,
  canCoachTeam,
  canCommentOnTeam,
  canEditTeam,
  canManageTeam,
  canMoveCycleBack,
  methodChecks,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { readCurrentCycleTexts, withTexts } from '../collab/read-current-cycle-texts.ts'
import { toIsoDate } from '../shared.ts'
import { cycleDetailInclude, toCycleDetail } from './cycle-detail.ts'
import { narrativeTexts, toCycleFacts } from './cycle-facts.ts'
import { snapshotListSelect, toSnapshotListItem } from './list-snapshots.ts'
import { observationsInWindow } from './observations-in-window.ts'
import { requireReadableCycle } from './require-cycle.ts'

/** The length of the ramp as seen from a cycle: the highest cycle number among it and the cycles after it. */
async function rampLength(db: DbTx, id: string, cycleNumber: number): Promise<number> {
  let length = cycleNumber
  let frontier = [id]
  for (let depth = 0; depth < 50 && frontier.length > 0; depth++) {
    const next = await db.pdsaCycle.findMany({
      where: { previousCycleId: { in: frontier } },
      select: { id: true, cycleNumber: true },
    })
    for (const n of next) length = Math.max(length, n.cycleNumber)
    frontier = next.map((n) => n.id)
  }
  return length
}

/** The whole worksheet, its method checks as of `now`, its version history and what the actor may do. */
export async function getCycle({ db, actor, id, now }: { db: DbTx; actor: Actor; id: string; now: Date }) {
  const cycle = await requireReadableCycle(db, actor, id)
  const [stored, snapshots] = await Promise.all([
    db.pdsaCycle.findUniqueOrThrow({ where: { id: cycle.id }, include: cycleDetailInclude }),
    db.cycleSnapshot.findMany({
      where: { cycleId: cycle.id },
      select: snapshotListSelect,
      orderBy: { takenAt: 'asc' },
    }),
  ])
  // The sections as stored in the collaborative document, not the columns that mirror it later.
  const row = withTexts(stored, await readCurrentCycleTexts(db, stored.id, narrativeTexts(stored)))
  const observed = (await observationsInWindow(db, row.districtId, [row.id])).get(row.id) ?? 0
  const scope = { schoolId: row.schoolId, teamId: row.teamId }
  const detail = toCycleDetail(row)
  return {
    ...detail,
    ramp: {
      previous: row.previousCycle,
      next: row.nextCycles,
      length: await rampLength(db, row.id, row.cycleNumber),
    },
    observationsInWindow: observed,
    methodChecks: methodChecks(toCycleFacts(row, observed), toIsoDate(now)),
    predictionsLocked: arePredictionsLockedFor({
      stage: row.stage as CycleStage,
      predictionsLockedAt: row.predictionsLockedAt,
    }),
    /** When the predictions were locked (the first move into Do; they stay locked if the cycle moves back). */
    predictionsLockedOn: row.predictionsLockedAt ? toIsoDate(row.predictionsLockedAt) : detail.actualStart,
    snapshots: snapshots.map(toSnapshotListItem),
    canEdit: canEditTeam(actor, scope),
    canComment: canCommentOnTeam(actor, scope),
    canCoach: canCoachTeam(actor, scope),
    canManage: canManageTeam(actor, scope),
    /** The team lead may move the cycle back one stage, with a reason. */
    canMoveBack: canMoveCycleBack(actor, scope) && row.stage !== 'plan',
  }
}
export type CycleView = Awaited<ReturnType<typeof getCycle>>
