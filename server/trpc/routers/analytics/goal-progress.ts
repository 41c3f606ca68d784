import { GoalProgressInputSchema } from '@pdsa/domain'
import { getGoalProgress } from '../../../services/analytics/goal-progress.ts'
import { authedProcedure } from '../../init.ts'

export const goalProgress = authedProcedure
  .meta({ access: "readers of the goal's team (or school, for school goals)" })
  .input(GoalProgressInputSchema)
  .query(({ ctx, input }) => getGoalProgress({ db: ctx.db, actor: ctx.actor, goalId: input.goalId }))
