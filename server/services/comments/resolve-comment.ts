import { type Actor, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { invalidState } from '../shared.ts'
import { type CommentTarget, requireComment } from './comment-target.ts'

/** Open feedback may be resolved by the coach who asked for the response, or by the team's editors. */
export function canResolveComment(
  actor: Actor,
  target: CommentTarget,
  comment: { authorId: string; parentId: string | null; requiresResponse: boolean; resolvedAt: Date | null },
): boolean {
  if (comment.parentId || !comment.requiresResponse || comment.resolvedAt) return false
  return target.canEdit || (comment.authorId === actor.userId && target.canComment)
}

export async function resolveComment({
  db,
  actor,
  now,
  id,
}: {
  db: Db
  actor: Actor
  now: Date
  id: string
}) {
  const { comment, target } = await requireComment(db, actor, id)
  const mayResolve = target.canEdit || (comment.authorId === actor.userId && target.canComment)
  if (!mayResolve) throw forbidden('Only the coach who asked, or the team, can resolve this feedback.')
  if (comment.parentId || !comment.requiresResponse) {
    throw invalidState('Only feedback that requires a response can be resolved.')
  }
  if (comment.resolvedAt) throw invalidState('This feedback is already resolved.')
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id }, data: { resolvedAt: now, resolvedById: actor.userId } })
    await recordAudit(tx, actor, {
      action: 'comment.resolve',
      entityType: 'comment',
      entityId: id,
      before: { resolvedAt: null, resolvedById: null },
      after: { resolvedAt: now, resolvedById: actor.userId },
    })
  })
  return { id, resolvedAt: now }
}
