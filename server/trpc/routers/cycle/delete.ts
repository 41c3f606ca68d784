import { ByIdInputSchema } from '@pdsa/domain'
import { deleteCycle } from '../../../services/cycles/delete-cycle.ts'
import { authedProcedure } from '../../init.ts'

export const deleteProcedure = authedProcedure
  .meta({ access: 'team_lead of the cycle’s team, or a district admin' })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) => deleteCycle({ db: ctx.db, actor: ctx.actor, ...input }))
