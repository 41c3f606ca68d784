import { CreateDistrictGoalInputSchema } from '@pdsa/domain'
import { createDistrictGoal } from '../../../services/district-goals/create-district-goal.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({ access: 'district leaders and admins' })
  .input(CreateDistrictGoalInputSchema)
  .mutation(({ ctx, input }) => createDistrictGoal({ db: ctx.db, actor: ctx.actor, ...input }))
