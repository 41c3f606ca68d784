import { ByIdInputSchema } from '@pdsa/domain'
import { getGoal } from '../../../services/goals/get-goal.ts'
import { authedProcedure } from '../../init.ts'

export const byId = authedProcedure
  .meta({ access: "readers of the goal's team (or school, for school goals)" })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getGoal({ db: ctx.db, actor: ctx.actor, id: input.id }))
