import { ByIdInputSchema } from '@pdsa/domain'
import { resolveComment } from '../../../services/comments/resolve-comment.ts'
import { authedProcedure } from '../../init.ts'

export const resolve = authedProcedure
  .meta({ access: 'the coach who asked for the response, or the team’s editors' })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) =>
    resolveComment({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
