import { type Actor, type CreateCommentInput, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { validation } from '../shared.ts'
import { requireReadableTarget } from './comment-target.ts'

/**
 * A comment or a reply on a cycle or goal. Coaches and district leaders may ask for a response; a
 * reply by the team to such feedback answers it (resolved by the replier).
 */
export async function createComment({
  db,
  actor,
  now,
  ...input
}: { db: Db; actor: Actor; now: Date } & CreateCommentInput) {
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
  const answers = Boolean(parent?.requiresResponse && !parent.resolvedAt && target.canEdit)

  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        districtId: actor.districtId,
        ...target.where,
        parentId: parent?.id ?? null,
        authorId: actor.userId,
        body: input.body,
        requiresResponse: input.requiresResponse,
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
      await tx.comment.update({
        where: { id: parent.id },
        data: { resolvedAt: now, resolvedById: actor.userId },
      })
      await recordAudit(tx, actor, {
        action: 'comment.resolve',
        entityType: 'comment',
        entityId: parent.id,
        before: { resolvedAt: null, resolvedById: null },
        after: { resolvedAt: now, resolvedById: actor.userId, byReplyId: comment.id },
      })
    }
    return { id: comment.id, resolvedParent: answers }
  })
}
