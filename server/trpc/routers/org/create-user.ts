import { CreateUserInputSchema } from '@pdsa/domain'
import { createUser as createUserService } from '../../../services/org/create-user.ts'
import { authedProcedure } from '../../init.ts'

export const createUser = authedProcedure
  .meta({ access: 'district admins' })
  .input(CreateUserInputSchema)
  .mutation(({ ctx, input }) => createUserService({ db: ctx.db, actor: ctx.actor, ...input }))
