import { ListDistrictGoalsInputSchema } from '@pdsa/domain'
import { listDistrictGoals } from '../../../services/district-goals/list-district-goals.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'every signed-in user of the district (their own district only)' })
  .input(ListDistrictGoalsInputSchema)
  .query(({ ctx, input }) => listDistrictGoals({ db: ctx.db, actor: ctx.actor, ...input }))
