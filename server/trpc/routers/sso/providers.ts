import { listIdentityProviders } from '../../../services/sso/identity-providers.ts'
import { authedProcedure } from '../../init.ts'

export const providers = authedProcedure
  .meta({ access: 'district admins' })
  .query(({ ctx }) => listIdentityProviders({ db: ctx.db, actor: ctx.actor }))
