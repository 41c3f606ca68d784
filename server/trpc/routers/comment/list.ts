import { ListCommentsInputSchema } from '@pdsa/domain'
import { listComments } from '../../../services/comments/list-comments.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'readers of the cycle’s (or goal’s) team or school' })
  .input(ListCommentsInputSchema)
  .query(({ ctx, input }) => listComments({ db: ctx.db, actor: ctx.actor, ...input }))
