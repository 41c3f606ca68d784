import { ByIdInputSchema } from '@pdsa/domain'
import { getChangeIdea } from '../../../services/change-ideas/get-change-idea.ts'
import { authedProcedure } from '../../init.ts'

export const byId = authedProcedure
  .meta({ access: "readers of the change idea's goal (its team, or school for school goals)" })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getChangeIdea({ db: ctx.db, actor: ctx.actor, id: input.id }))
