import { ListNotificationsInputSchema } from '@pdsa/domain'
import { listNotifications } from '../../../services/notifications/list-notifications.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'anyone signed in: their own notifications only' })
  .input(ListNotificationsInputSchema)
  .query(({ ctx, input }) => listNotifications({ db: ctx.db, actor: ctx.actor, ...input }))
