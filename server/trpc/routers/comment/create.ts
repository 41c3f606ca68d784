import { CreateCommentInputSchema } from '@pdsa/domain'
import { createComment } from '../../../services/comments/create-comment.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({
    access:
      'the team’s editors, its coaches, district leaders and admins; requiresResponse only coaches and district leaders',
  })
  .input(CreateCommentInputSchema)
  .mutation(({ ctx, input }) =>
    createComment({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      onNotified: ctx.app.onNotified,
      ...input,
    }),
  )
