import { ByIdInputSchema } from '@pdsa/domain'
import { transitionFeedback } from '../../../services/comments/transition-feedback.ts'
import { authedProcedure } from '../../init.ts'

export const acceptReply = authedProcedure
  .meta({ access: 'only the coach who asked for the response (the feedback’s author)' })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) =>
    transitionFeedback({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      id: input.id,
      event: 'accept',
      onNotified: ctx.app.onNotified,
    }),
  )

export const reopen = authedProcedure
  .meta({ access: 'only the coach who asked for the response (the feedback’s author)' })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) =>
    transitionFeedback({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      id: input.id,
      event: 'reopen',
      onNotified: ctx.app.onNotified,
    }),
  )
