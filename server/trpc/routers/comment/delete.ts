import { ByIdInputSchema } from '@pdsa/domain'
import { deleteComment } from '../../../services/comments/delete-comment.ts'
import { authedProcedure } from '../../init.ts'

export const deleteProcedure = authedProcedure
  .meta({ access: 'the author, while the comment has no replies' })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) => deleteComment({ db: ctx.db, actor: ctx.actor, ...input }))
