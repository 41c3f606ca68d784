import { UpdateGoalInputSchema } from '@pdsa/domain'
import { updateGoal } from '../../../services/goals/update-goal.ts'
import { authedProcedure } from '../../init.ts'

export const update = authedProcedure
  .meta({ access: 'team_lead or team_member of the goal’s team; district leaders for school-level goals' })
  .input(UpdateGoalInputSchema)
  .mutation(({ ctx, input }) => updateGoal({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
