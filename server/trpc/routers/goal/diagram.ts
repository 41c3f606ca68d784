import { ByIdInputSchema } from '@pdsa/domain'
import { getGoalDiagram } from '../../../services/goals/get-goal-diagram.ts'
import { authedProcedure } from '../../init.ts'

export const diagram = authedProcedure
  .meta({ access: "readers of the goal's team (or school, for school goals)" })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getGoalDiagram({ db: ctx.db, actor: ctx.actor, id: input.id }))
