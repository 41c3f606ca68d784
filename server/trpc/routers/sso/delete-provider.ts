import { ByIdInputSchema } from '@pdsa/domain'
import { deleteIdentityProvider } from '../../../services/sso/identity-providers.ts'
import { authedProcedure } from '../../init.ts'

export const deleteProvider = authedProcedure
  .meta({ access: 'district admins; own district; not the last provider while SSO is required' })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) => deleteIdentityProvider({ db: ctx.db, actor: ctx.actor, id: input.id }))
