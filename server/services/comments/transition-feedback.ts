import {
  type Actor,
  type FeedbackEvent,
  type FeedbackState,
  feedbackTransition,
  forbidden,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { notifyFeedbackTransition } from '../notifications/comment-notifications.ts'
import type { OnNotified } from '../notifications/notify.ts'
import { invalidState } from '../shared.ts'
import { type CommentTarget, requireComment } from './comment-target.ts'

type FeedbackRow = { authorId: string; parentId: string | null; feedbackState: FeedbackState | null }

/** Whether the actor may take `event` on this feedback now (used to show the buttons). */
export function canTransitionFeedback(
  actor: Actor,
  target: CommentTarget,
  comment: FeedbackRow,
  event: Exclude<FeedbackEvent, 'reply'>,
): boolean {
  if (comment.parentId || !comment.feedbackState || !target.canRead) return false
  return feedbackTransition(comment.feedbackState, event, {
    isAuthor: comment.authorId === actor.userId,
    isTeamEditor: target.canEdit,
  }).ok
}

/**
 * The coach who asked accepts the team's reply (closing the feedback) or re-opens it. Nobody else
 * may: not the team, not another coach. The move is checked against the state it was read in, and
 * audited.
 */
export async function transitionFeedback({
  db,
  actor,
  now,
  id,
  event,
  onNotified,
}: {
  db: Db
  actor: Actor
  now: Date
  id: string
  event: 'accept' | 'reopen'
  onNotified?: OnNotified
}) {
  const { comment, target } = await requireComment(db, actor, id)
  if (comment.parentId || !comment.requiresResponse || !comment.feedbackState) {
    throw invalidState('Only feedback that requires a response can be accepted or re-opened.')
  }
  const from = comment.feedbackState
  const move = feedbackTransition(from, event, {
    isAuthor: comment.authorId === actor.userId,
    isTeamEditor: target.canEdit,
  })
  if (!move.ok) throw move.reason === 'forbidden' ? forbidden(move.message) : invalidState(move.message)
  const accepted = move.to === 'accepted'
  const data = {
    feedbackState: move.to,
    resolvedAt: accepted ? now : null,
    resolvedById: accepted ? actor.userId : null,
  }
  const notified = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({ where: { id, feedbackState: from }, data })
    if (count !== 1) throw invalidState('This feedback changed meanwhile. Reload and try again.')
    await recordAudit(tx, actor, {
      action: accepted ? 'comment.accept_reply' : 'comment.reopen',
      entityType: 'comment',
      entityId: id,
      before: { feedbackState: from, resolvedAt: comment.resolvedAt, resolvedById: comment.resolvedById },
      after: data,
    })
    const to = accepted ? 'accepted' : 'reopened'
    return notifyFeedbackTransition(tx, { actor, comment, to, now })
  })
  if (notified.length) onNotified?.(notified)
  return { id, feedbackState: move.to }
}
