import { GoalFormOptionsInputSchema } from '@pdsa/domain'
import { getGoalFormOptions } from '../../../services/goals/get-goal-form-options.ts'
import { authedProcedure } from '../../init.ts'

export const formOptions = authedProcedure
  .meta({ access: 'readers of the school (district readers, its school and team grants)' })
  .input(GoalFormOptionsInputSchema)
  .query(({ ctx, input }) => getGoalFormOptions({ db: ctx.db, actor: ctx.actor, ...input }))
