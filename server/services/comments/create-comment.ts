import {
  type Actor,
  type CreateCommentInput,
  type FeedbackState,
  feedbackTransition,
  forbidden,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { notifyCommentCreated } from '../notifications/comment-notifications.ts'
import type { OnNotified } from '../notifications/notify.ts'
import { validation } from '../shared.ts'
import { requireReadableTarget } from './comment-target.ts'

/**
 * A comment or a reply on a cycle or goal. Coaches and district leaders may ask for a response; a
 * reply by the team to such feedback moves it to `replied`: it stays open until the coach who asked
 * accepts the reply (see accept/reopen in transition-feedback.ts and ADR 026).
 */
export async function createComment({
  db,
  actor,
  now,
  onNotified,
  ...input
}: { db: Db; actor: Actor; now: Date; onNotified?: OnNotified } & CreateCommentInput) {
  const target = await requireReadableTarget(db, actor, input)
  if (!target.canComment) throw forbidden(`You cannot comment on this ${target.kind}.`)
  if (input.requiresResponse && !target.canCoach) {
    throw forbidden('Only coaches and district leaders can ask for a response.')
  }
  const parent = input.parentId
    ? await db.comment.findFirst({
        where: { id: input.parentId, districtId: actor.districtId, ...target.where },
      })
    : null
  if (input.parentId && !parent) throw validation('parentId', 'No such comment here.')
  if (parent?.parentId) throw validation('parentId', 'Reply to the first comment of the thread.')
  const answer =
    parent?.requiresResponse && parent.feedbackState
      ? feedbackTransition(parent.feedbackState, 'reply', {
          isAuthor: parent.authorId === actor.userId,
          isTeamEditor: target.canEdit,
        })
      : null
  const answers = answer?.ok === true

  const result = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        districtId: actor.districtId,
        ...target.where,
        parentId: parent?.id ?? null,
        authorId: actor.userId,
        body: input.body,
        requiresResponse: input.requiresResponse,
        feedbackState: input.requiresResponse ? 'requested' : null,
        createdAt: now,
      },
    })
    await recordAudit(tx, actor, {
      action: 'comment.create',
      entityType: 'comment',
      entityId: comment.id,
      after: {
        ...target.where,
        parentId: comment.parentId,
        body: comment.body,
        requiresResponse: comment.requiresResponse,
      },
    })
    if (answers && parent) {
      const to: FeedbackState = 'replied'
      // Guarded on the state read above so two concurrent replies cannot both move it.
      await tx.comment.updateMany({
        where: { id: parent.id, feedbackState: parent.feedbackState },
        data: { feedbackState: to },
      })
      await recordAudit(tx, actor, {
        action: 'comment.reply_to_feedback',
        entityType: 'comment',
        entityId: parent.id,
        before: { feedbackState: parent.feedbackState },
        after: { feedbackState: to, byReplyId: comment.id },
      })
    }
    const notified = await notifyCommentCreated(tx, {
      actor,
      comment,
      answered: answers && parent ? parent : null,
      now,
    })
    return { id: comment.id, answeredParent: answers, notified }
  })
  if (result.notified.length) onNotified?.(result.notified)
  return { id: result.id, answeredParent: result.answeredParent }
}
