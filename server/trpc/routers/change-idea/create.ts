import { CreateChangeIdeaInputSchema } from '@pdsa/domain'
import { createChangeIdea } from '../../../services/change-ideas/create-change-idea.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({
    access: 'editors of the goal: team_lead or team_member of its team; district leaders for school goals',
  })
  .input(CreateChangeIdeaInputSchema)
  .mutation(({ ctx, input }) => createChangeIdea({ db: ctx.db, actor: ctx.actor, ...input }))
