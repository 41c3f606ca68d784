import { GoalDataBaselineInputSchema } from '@pdsa/domain'
import { getGoalDataBaseline } from '../../../services/goals/goal-data-baseline.ts'
import { authedProcedure } from '../../init.ts'

export const dataBaseline = authedProcedure
  .meta({ access: 'anyone who may read the school (released values only)' })
  .input(GoalDataBaselineInputSchema)
  .query(({ ctx, input }) => getGoalDataBaseline({ db: ctx.db, actor: ctx.actor, ...input }))
