import {
  type ActDecision,
  type Actor,
  type ChangeIdeaStatus,
  type CycleStage,
  changeIdeaStatusAfter,
  checkStageTransition,
  DomainError,
  problemsToFieldErrors,
  STAGE_LABELS,
  type TransitionCycleInput,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { recordAudit } from '../audit.ts'
import { fromIsoDate, invalidState, toIsoDate } from '../shared.ts'
import { loadCycleFacts } from './cycle-facts.ts'
import { requireEditableCycle } from './require-cycle.ts'
import { currentSnapshotContent } from './snapshot-content.ts'

/**
 * Moves a cycle forward one stage when the stage it closes has produced what it should (else
 * INVALID_STATE listing every problem in `meta.fieldErrors`). In one transaction: a snapshot of the
 * worksheet, actual start/end dates, and the change idea's status (testing at Do, the decision at the end).
 */
export async function transitionCycle({
  db,
  actor,
  now,
  id,
  to,
}: { db: Db; actor: Actor; now: Date } & TransitionCycleInput) {
  await requireEditableCycle(db, actor, id)
  const { row, facts } = await loadCycleFacts(db, id)
  const from = row.stage as CycleStage
  const check = checkStageTransition(facts, to)
  if (!check.ok) {
    throw invalidState(
      `This cycle cannot move to ${STAGE_LABELS[to]} yet: ${check.problems.map((p) => p.message).join(' ')}`,
      problemsToFieldErrors(check.problems),
    )
  }
  const today = fromIsoDate(toIsoDate(now))
  const dates: Prisma.PdsaCycleUpdateManyMutationInput = {}
  if (to === 'do' && !row.actualStart) dates.actualStart = today
  if (to === 'study' && !row.actualEnd) dates.actualEnd = today

  return db.$transaction(async (tx) => {
    // Conditional on the stage read above, so two people pressing the button at once move it once.
    const moved = await tx.pdsaCycle.updateMany({
      where: { id, stage: from },
      data: { stage: to, stageChangedAt: now, lastEditedAt: now, ...dates },
    })
    if (moved.count === 0)
      throw new DomainError('CONFLICT', 'Someone else moved this cycle first: reload the page.')
    const content = await currentSnapshotContent(tx, id)
    const snapshot = await tx.cycleSnapshot.create({
      data: {
        cycleId: id,
        fromStage: from,
        toStage: to,
        content: content as object,
        takenById: actor.userId,
        takenAt: now,
      },
    })
    await recordAudit(tx, actor, {
      action: 'cycle.transition',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { stage: from, ...Object.fromEntries(Object.keys(dates).map((k) => [k, null])) },
      after: { stage: to, ...dates, snapshotId: snapshot.id },
    })
    if (row.changeIdeaId) {
      const idea = await tx.changeIdea.findUniqueOrThrow({ where: { id: row.changeIdeaId } })
      const status = changeIdeaStatusAfter(
        idea.status as ChangeIdeaStatus,
        to,
        row.decision as ActDecision | null,
      )
      if (status) {
        await tx.changeIdea.update({ where: { id: idea.id }, data: { status } })
        await recordAudit(tx, actor, {
          action: 'change_idea.update',
          entityType: 'change_idea',
          entityId: idea.id,
          before: { status: idea.status },
          after: { status, byCycleId: id },
        })
      }
    }
    return { id, stage: to, snapshotId: snapshot.id }
  })
}
