import {
  type Actor,
  isAwaitingCoach,
  isAwaitingTeam,
  isFeedbackOpen,
  type ListCommentsInput,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { requireReadableTarget } from './comment-target.ts'
import { canTransitionFeedback } from './transition-feedback.ts'

const commentInclude = {
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
} satisfies Prisma.CommentInclude
type CommentRow = Prisma.CommentGetPayload<{ include: typeof commentInclude }>

const toDto = (c: CommentRow) => ({
  id: c.id,
  body: c.body,
  author: c.author,
  createdAt: c.createdAt,
  editedAt: c.editedAt,
  requiresResponse: c.requiresResponse,
  feedbackState: c.feedbackState,
  resolvedAt: c.resolvedAt,
  resolvedBy: c.resolvedBy,
})

/** The comments of a cycle or goal as threads (oldest first), with what the actor may do with each. */
export async function listComments({ db, actor, ...input }: { db: DbTx; actor: Actor } & ListCommentsInput) {
  const target = await requireReadableTarget(db, actor, input)
  const rows = await db.comment.findMany({
    where: target.where,
    include: commentInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 1000,
  })
  const replies = new Map<string, CommentRow[]>()
  for (const r of rows) if (r.parentId) replies.set(r.parentId, [...(replies.get(r.parentId) ?? []), r])
  const threads = rows
    .filter((r) => !r.parentId)
    .map((root) => {
      const answers = replies.get(root.id) ?? []
      return {
        ...toDto(root),
        isOpen: root.feedbackState !== null && isFeedbackOpen(root.feedbackState),
        canAccept: canTransitionFeedback(actor, target, root, 'accept'),
        canReopen: canTransitionFeedback(actor, target, root, 'reopen'),
        canDelete: root.authorId === actor.userId && answers.length === 0,
        replies: answers.map((r) => ({ ...toDto(r), canDelete: r.authorId === actor.userId })),
      }
    })
  return {
    threads,
    /** Feedback the team still has to answer. */
    openCount: threads.filter((t) => t.feedbackState !== null && isAwaitingTeam(t.feedbackState)).length,
    /** Replies the coach who asked has still to accept or re-open. */
    awaitingReviewCount: threads.filter((t) => t.feedbackState !== null && isAwaitingCoach(t.feedbackState))
      .length,
    canComment: target.canComment,
    canCoach: target.canCoach,
    canEdit: target.canEdit,
  }
}
