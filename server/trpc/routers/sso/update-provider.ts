import { UpdateIdentityProviderInputSchema } from '@pdsa/domain'
import { updateIdentityProvider } from '../../../services/sso/identity-providers.ts'
import { authedProcedure } from '../../init.ts'

export const updateProvider = authedProcedure
  .meta({ access: 'district admins; own district' })
  .input(UpdateIdentityProviderInputSchema)
  .mutation(({ ctx, input }) =>
    updateIdentityProvider({ db: ctx.db, actor: ctx.actor, secrets: ctx.app.secrets, ...input }),
  )
