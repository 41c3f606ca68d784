import { countUnread } from '../../../services/notifications/list-notifications.ts'
import { authedProcedure } from '../../init.ts'

export const unreadCount = authedProcedure
  .meta({ access: 'anyone signed in: their own notifications only' })
  .query(async ({ ctx }) => ({ unreadCount: await countUnread(ctx.db, ctx.actor) }))
