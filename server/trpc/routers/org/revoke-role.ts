import { RevokeRoleInputSchema } from '@pdsa/domain'
import { revokeRole as revokeRoleService } from '../../../services/org/revoke-role.ts'
import { authedProcedure } from '../../init.ts'

export const revokeRole = authedProcedure
  .meta({ access: 'district admins; never the last active admin' })
  .input(RevokeRoleInputSchema)
  .mutation(({ ctx, input }) =>
    revokeRoleService({
      db: ctx.db,
      actor: ctx.actor,
      onAccessChanged: (change) => ctx.app.onAccessChanged?.(change),
      ...input,
    }),
  )
