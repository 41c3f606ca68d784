import { listUsers } from '../../../services/org/list-users.ts'
import { authedProcedure } from '../../init.ts'

export const users = authedProcedure
  .meta({ access: 'district admins' })
  .query(({ ctx }) => listUsers({ db: ctx.db, actor: ctx.actor }))
