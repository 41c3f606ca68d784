import { ByIdInputSchema } from '@pdsa/domain'
import { deleteChangeIdea } from '../../../services/change-ideas/delete-change-idea.ts'
import { authedProcedure } from '../../init.ts'

export const del = authedProcedure
  .meta({ access: "editors of the change idea's goal; refused (INVALID_STATE) while cycles test it" })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) => deleteChangeIdea({ db: ctx.db, actor: ctx.actor, id: input.id }))
