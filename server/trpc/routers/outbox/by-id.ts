import { EmailByIdInputSchema } from '@pdsa/domain'
import { getEmail } from '../../../services/outbox/get-email.ts'
import { authedProcedure } from '../../init.ts'

export const byId = authedProcedure
  .meta({ access: 'district admins' })
  .input(EmailByIdInputSchema)
  .query(({ ctx, input }) => getEmail({ db: ctx.db, actor: ctx.actor, ...input }))
