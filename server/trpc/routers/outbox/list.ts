import { ListEmailsInputSchema } from '@pdsa/domain'
import { listEmails } from '../../../services/outbox/list-emails.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'district admins' })
  .input(ListEmailsInputSchema)
  .query(({ ctx, input }) => listEmails({ db: ctx.db, actor: ctx.actor, ...input }))
