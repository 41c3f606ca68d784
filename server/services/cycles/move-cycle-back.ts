import {
  type Actor,
  type CycleStage,
  canMoveCycleBack,
  DomainError,
  datesClearedByMovingBack,
  forbidden,
  type MoveCycleBackInput,
  previousStage,
  STAGE_LABELS,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { toBytes } from '../collab/bytes.ts'
import { loadPersistedCycleDocument } from '../collab/load-persisted-cycle-document.ts'
import type { OnNotified } from '../notifications/notify.ts'
import { notifyCycleStageChanged } from '../notifications/work-notifications.ts'
import { invalidState, toIsoDateOrNull } from '../shared.ts'
import { requireReadableCycle } from './require-cycle.ts'
import { currentSnapshotContent } from './snapshot-content.ts'

const DECIDED_STATUS = { adopt: 'adopted', adapt: 'adapted', abandon: 'abandoned' } as const

/**
 * Moves a cycle back one stage: the team lead's correction, with a required reason. In one transaction:
 * the stage (conditional on the stage the lead saw), the actual date the stage being left had set
 * (cleared; it is set again on the way forward), a version of the worksheet carrying the reason, the
 * audit event, and, leaving Complete, the change idea back to `testing` if this cycle's decision set its
 * status. The predictions stay locked (predictionsLockedAt is kept).
 */
export async function moveCycleBack({
  db,
  actor,
  now,
  id,
  from,
  reason,
  onNotified,
}: { db: Db; actor: Actor; now: Date; onNotified?: OnNotified } & MoveCycleBackInput) {
  const cycle = await requireReadableCycle(db, actor, id)
  if (!canMoveCycleBack(actor, cycle)) {
    throw forbidden('Only the team lead can move a cycle back a stage.')
  }
  const to = previousStage(from)
  if (!to)
    throw invalidState('A cycle in Plan has no stage before it.', { from: ['Plan is the first stage.'] })
  const { notified, ...result } = await db.$transaction(async (tx) => {
    const row = await tx.pdsaCycle.findUniqueOrThrow({ where: { id } })
    if ((row.stage as CycleStage) !== from) {
      throw new DomainError(
        'CONFLICT',
        `This cycle is in ${STAGE_LABELS[row.stage as CycleStage]} now, not ${STAGE_LABELS[from]}: reload the page.`,
      )
    }
    const cleared = datesClearedByMovingBack(from)
    const before = Object.fromEntries(cleared.map((k) => [k, toIsoDateOrNull(row[k])]))
    const moved = await tx.pdsaCycle.updateMany({
      where: { id, stage: from },
      data: {
        stage: to,
        stageChangedAt: now,
        lastEditedAt: now,
        ...Object.fromEntries(cleared.map((k) => [k, null])),
      },
    })
    if (moved.count === 0)
      throw new DomainError('CONFLICT', 'Someone else moved this cycle first: reload the page.')
    const [content, document] = await Promise.all([
      currentSnapshotContent(tx, id),
      loadPersistedCycleDocument(tx, id),
    ])
    const snapshot = await tx.cycleSnapshot.create({
      data: {
        cycleId: id,
        fromStage: from,
        toStage: to,
        reason,
        content: content as object,
        yState: toBytes(document.yState),
        takenById: actor.userId,
        takenAt: now,
      },
    })
    await recordAudit(tx, actor, {
      action: 'cycle.move_back',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { stage: from, ...before },
      after: { stage: to, reason, snapshotId: snapshot.id },
    })
    if (from === 'complete' && row.changeIdeaId && row.decision) {
      const idea = await tx.changeIdea.findUniqueOrThrow({ where: { id: row.changeIdeaId } })
      if (idea.status === DECIDED_STATUS[row.decision]) {
        await tx.changeIdea.update({ where: { id: idea.id }, data: { status: 'testing' } })
        await recordAudit(tx, actor, {
          action: 'change_idea.update',
          entityType: 'change_idea',
          entityId: idea.id,
          before: { status: idea.status },
          after: { status: 'testing', byCycleId: id, reason: 'The cycle that decided it was reopened.' },
        })
      }
    }
    const notified = await notifyCycleStageChanged(tx, {
      actor,
      cycleId: id,
      from,
      to,
      snapshotId: snapshot.id,
      now,
    })
    return { id, stage: to, snapshotId: snapshot.id, notified }
  })
  if (notified.length) onNotified?.(notified)
  return result
}
