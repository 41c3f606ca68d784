import { UpdateNotificationPreferenceInputSchema } from '@pdsa/domain'
import {
  getNotificationPreferences,
  updateNotificationPreference,
} from '../../../services/notifications/preferences.ts'
import { authedProcedure } from '../../init.ts'

export const preferences = authedProcedure
  .meta({ access: 'anyone signed in: their own preferences' })
  .query(({ ctx }) => getNotificationPreferences({ db: ctx.db, actor: ctx.actor }))

export const updatePreference = authedProcedure
  .meta({
    access: 'anyone signed in: their own preferences; feedback that requires a response at least daily',
  })
  .input(UpdateNotificationPreferenceInputSchema)
  .mutation(({ ctx, input }) => updateNotificationPreference({ db: ctx.db, actor: ctx.actor, ...input }))
