import { UpdateDistrictGoalInputSchema } from '@pdsa/domain'
import { updateDistrictGoal } from '../../../services/district-goals/update-district-goal.ts'
import { authedProcedure } from '../../init.ts'

export const update = authedProcedure
  .meta({ access: 'district leaders and admins (archiving too)' })
  .input(UpdateDistrictGoalInputSchema)
  .mutation(({ ctx, input }) => updateDistrictGoal({ db: ctx.db, actor: ctx.actor, ...input }))
