import { CreateIdentityProviderInputSchema } from '@pdsa/domain'
import { createIdentityProvider } from '../../../services/sso/identity-providers.ts'
import { authedProcedure } from '../../init.ts'

export const createProvider = authedProcedure
  .meta({ access: 'district admins' })
  .input(CreateIdentityProviderInputSchema)
  .mutation(({ ctx, input }) =>
    createIdentityProvider({ db: ctx.db, actor: ctx.actor, secrets: ctx.app.secrets, ...input }),
  )
