import { UpdateSsoPolicyInputSchema } from '@pdsa/domain'
import { updateSsoPolicy } from '../../../services/sso/identity-providers.ts'
import { authedProcedure } from '../../init.ts'

export const updatePolicy = authedProcedure
  .meta({ access: 'district admins' })
  .input(UpdateSsoPolicyInputSchema)
  .mutation(({ ctx, input }) => updateSsoPolicy({ db: ctx.db, actor: ctx.actor, ...input }))
