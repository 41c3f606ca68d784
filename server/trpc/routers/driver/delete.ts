import { ByIdInputSchema } from '@pdsa/domain'
import { deleteDriver } from '../../../services/drivers/delete-driver.ts'
import { authedProcedure } from '../../init.ts'

export const del = authedProcedure
  .meta({
    access:
      "editors of the driver's goal: team_lead or team_member of its team; district leaders for school goals",
  })
  .input(ByIdInputSchema)
  .mutation(({ ctx, input }) => deleteDriver({ db: ctx.db, actor: ctx.actor, id: input.id }))
