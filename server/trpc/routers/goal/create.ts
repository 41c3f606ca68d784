import { CreateGoalInputSchema } from '@pdsa/domain'
import { createGoal } from '../../../services/goals/create-goal.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({ access: 'team_lead or team_member of the team; district leaders for school-level goals' })
  .input(CreateGoalInputSchema)
  .mutation(({ ctx, input }) => createGoal({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
