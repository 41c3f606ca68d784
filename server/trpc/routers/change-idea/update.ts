import { UpdateChangeIdeaInputSchema } from '@pdsa/domain'
import { updateChangeIdea } from '../../../services/change-ideas/update-change-idea.ts'
import { authedProcedure } from '../../init.ts'

export const update = authedProcedure
  .meta({
    access:
      "editors of the change idea's goal: team_lead or team_member of its team; district leaders for school goals",
  })
  .input(UpdateChangeIdeaInputSchema)
  .mutation(({ ctx, input }) => updateChangeIdea({ db: ctx.db, actor: ctx.actor, ...input }))
