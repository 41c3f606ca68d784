import { MarkNotificationsReadInputSchema } from '@pdsa/domain'
import { markNotificationsRead } from '../../../services/notifications/mark-read.ts'
import { authedProcedure } from '../../init.ts'

export const markRead = authedProcedure
  .meta({ access: 'anyone signed in: their own notifications only' })
  .input(MarkNotificationsReadInputSchema)
  .mutation(({ ctx, input }) =>
    markNotificationsRead({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ids: input.ids }),
  )

export const markAllRead = authedProcedure
  .meta({ access: 'anyone signed in: their own notifications only' })
  .mutation(({ ctx }) =>
    markNotificationsRead({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ids: null }),
  )
