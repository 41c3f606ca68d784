import { ListChangeIdeasInputSchema } from '@pdsa/domain'
import { listChangeIdeas } from '../../../services/change-ideas/list-change-ideas.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: "readers of the goal's team (or school, for school goals)" })
  .input(ListChangeIdeasInputSchema)
  .query(({ ctx, input }) => listChangeIdeas({ db: ctx.db, actor: ctx.actor, ...input }))
