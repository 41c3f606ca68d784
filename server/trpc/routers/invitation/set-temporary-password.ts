import { SetTemporaryPasswordInputSchema } from '@pdsa/domain'
import { setTemporaryPassword as setTemporaryPasswordService } from '../../../services/accounts/set-temporary-password.ts'
import { authedProcedure } from '../../init.ts'

export const setTemporaryPassword = authedProcedure
  .meta({ access: 'district admins' })
  .input(SetTemporaryPasswordInputSchema)
  .mutation(({ ctx, input }) => setTemporaryPasswordService({ db: ctx.db, actor: ctx.actor, ...input }))
