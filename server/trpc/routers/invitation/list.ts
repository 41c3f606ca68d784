import { listInvitations } from '../../../services/accounts/list-invitations.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'district admins' })
  .query(({ ctx }) => listInvitations({ db: ctx.db, actor: ctx.actor, now: ctx.app.now() }))
