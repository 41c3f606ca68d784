import { GrantRoleInputSchema } from '@pdsa/domain'
import { grantRole as grantRoleService } from '../../../services/org/grant-role.ts'
import { authedProcedure } from '../../init.ts'

export const grantRole = authedProcedure
  .meta({ access: 'district admins' })
  .input(GrantRoleInputSchema)
  .mutation(({ ctx, input }) => grantRoleService({ db: ctx.db, actor: ctx.actor, ...input }))
