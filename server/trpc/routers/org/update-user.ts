import { UpdateUserInputSchema } from '@pdsa/domain'
import { updateUser as updateUserService } from '../../../services/org/update-user.ts'
import { authedProcedure } from '../../init.ts'

export const updateUser = authedProcedure
  .meta({ access: 'district admins; deactivating signs the user out everywhere' })
  .input(UpdateUserInputSchema)
  .mutation(({ ctx, input }) =>
    updateUserService({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      onAccessChanged: (change) => ctx.app.onAccessChanged?.(change),
      ...input,
    }),
  )
