import {
  type ActDecision,
  type Actor,
  type ChangeIdeaStatus,
  type CycleStage,
  changeIdeaStatusAfter,
  checkStageTransition,
  checkTransitionDates,
  DomainError,
  type NarrativeSectionKey,
  narrativeColumn,
  problemsToFieldErrors,
  STAGE_LABELS,
  type TransitionCycleInput,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { recordAudit } from '../audit.ts'
import { toBytes } from '../collab/bytes.ts'
import { loadPersistedCycleDocument } from '../collab/load-persisted-cycle-document.ts'
import type { OnNotified } from '../notifications/notify.ts'
import { notifyCycleStageChanged } from '../notifications/work-notifications.ts'
import { fromIsoDate, invalidState, toIsoDate, toIsoDateOrNull } from '../shared.ts'
import { loadCycleFacts } from './cycle-facts.ts'
import { requireEditableCycle } from './require-cycle.ts'
import { currentSnapshotContent } from './snapshot-content.ts'

/**
 * Moves a cycle forward one stage when the stage it closes has produced what it should (else
 * INVALID_STATE listing every problem in `meta.fieldErrors`). In one transaction: the narrative read from
 * the stored collaborative document (mirrored into the text columns), a snapshot of the worksheet (its
 * content and the document's Yjs state), actual start/end dates (as the team confirmed them, else today;
 * checked by checkTransitionDates), the predictions' lock (first move into Do), and the change idea's
 * status (testing at Do, the decision at the end).
 */
export async function transitionCycle({
  db,
  actor,
  now,
  id,
  to,
  actualStart,
  actualEnd,
  onNotified,
}: { db: Db; actor: Actor; now: Date; onNotified?: OnNotified } & TransitionCycleInput) {
  await requireEditableCycle(db, actor, id)
  const { notified, ...result } = await db.$transaction(async (tx) => {
    const { row, facts } = await loadCycleFacts(tx, id)
    const from = row.stage as CycleStage
    // The worksheet's narrative is the collaborative document: check and keep what is stored there
    // (the client waits for "saved" before asking), not the debounced plain-text mirror.
    const document = await loadPersistedCycleDocument(tx, id)
    const texts = document.stored ? document.texts : facts.texts
    const check = checkStageTransition({ ...facts, texts }, to)
    const today = toIsoDate(now)
    const recorded = {
      plannedStart: toIsoDate(row.plannedStart),
      plannedEnd: toIsoDate(row.plannedEnd),
      actualStart: toIsoDateOrNull(row.actualStart),
      actualEnd: toIsoDateOrNull(row.actualEnd),
    }
    const problems = [
      ...(check.ok ? [] : check.problems),
      ...(check.ok ? checkTransitionDates(to, recorded, { actualStart, actualEnd }, today) : []),
    ]
    if (problems.length > 0) {
      throw invalidState(
        `This cycle cannot move to ${STAGE_LABELS[to]} yet: ${problems.map((p) => p.message).join(' ')}`,
        problemsToFieldErrors(problems),
      )
    }
    const dates: Prisma.PdsaCycleUpdateManyMutationInput = {}
    const datesBefore: Record<string, string | null> = {}
    const datesAfter: Record<string, string> = {}
    if (to === 'do') {
      const start = actualStart ?? recorded.actualStart ?? today
      dates.actualStart = fromIsoDate(start)
      datesBefore.actualStart = recorded.actualStart
      datesAfter.actualStart = start
    }
    if (to === 'study') {
      const end = actualEnd ?? recorded.actualEnd ?? today
      dates.actualEnd = fromIsoDate(end)
      datesBefore.actualEnd = recorded.actualEnd
      datesAfter.actualEnd = end
    }
    // The predictions lock at the first move into Do and stay locked (a move back keeps the lock).
    const lock = to === 'do' && !row.predictionsLockedAt ? { predictionsLockedAt: now } : {}
    // Bring the text columns up to the document now, so the snapshot and every reader agree with it.
    const mirrored = Object.fromEntries(
      (Object.keys(texts) as NarrativeSectionKey[])
        .filter((k) => texts[k] !== facts.texts[k])
        .map((k) => [narrativeColumn(k), texts[k]]),
    )

    // Conditional on the stage read above, so two people pressing the button at once move it once.
    const moved = await tx.pdsaCycle.updateMany({
      where: { id, stage: from },
      data: { stage: to, stageChangedAt: now, lastEditedAt: now, ...dates, ...lock, ...mirrored },
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
        // The collaborative document as stored, so the exact rich text of every stage can be restored.
        yState: toBytes(document.yState),
        takenById: actor.userId,
        takenAt: now,
      },
    })
    await recordAudit(tx, actor, {
      action: 'cycle.transition',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { stage: from, ...datesBefore },
      after: { stage: to, ...datesAfter, snapshotId: snapshot.id },
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
