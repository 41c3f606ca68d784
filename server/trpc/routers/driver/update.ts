import { UpdateDriverInputSchema } from '@pdsa/domain'
import { updateDriver } from '../../../services/drivers/update-driver.ts'
import { authedProcedure } from '../../init.ts'

export const update = authedProcedure
  .meta({
    access:
      "editors of the driver's goal: team_lead or team_member of its team; district leaders for school goals",
  })
  .input(UpdateDriverInputSchema)
  .mutation(({ ctx, input }) => updateDriver({ db: ctx.db, actor: ctx.actor, ...input }))
