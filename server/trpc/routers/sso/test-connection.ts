import { canAdministerDistrict, forbidden, TestIdentityProviderInputSchema } from '@pdsa/domain'
import { testIdentityProviderConnection } from '../../../services/sso/test-connection.ts'
import { authedProcedure } from '../../init.ts'

/** A mutation (it reaches out to another server), so it needs the CSRF token like every write. */
export const testConnection = authedProcedure
  .meta({ access: 'district admins' })
  .input(TestIdentityProviderInputSchema)
  .mutation(({ ctx, input }) => {
    if (!canAdministerDistrict(ctx.actor)) throw forbidden('Only district admins can manage single sign-on.')
    return testIdentityProviderConnection(input.issuer)
  })
