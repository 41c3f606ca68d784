import { type Actor, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { invalidState } from '../shared.ts'
import { requireComment } from './comment-target.ts'

/** Authors may delete their comment while nobody has replied to it. */
export async function deleteComment({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { comment } = await requireComment(db, actor, id)
  if (comment.authorId !== actor.userId) throw forbidden('Only the author can delete a comment.')
  if (comment._count.replies > 0)
    throw invalidState('This comment has replies, so it can no longer be deleted.')
  const { _count, ...row } = comment
  await db.$transaction(async (tx) => {
    await tx.comment.delete({ where: { id } })
    await recordAudit(tx, actor, {
      action: 'comment.delete',
      entityType: 'comment',
      entityId: id,
      before: row,
    })
  })
  return { id }
}
