import { CreateDriverInputSchema } from '@pdsa/domain'
import { createDriver } from '../../../services/drivers/create-driver.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({
    access: 'editors of the goal: team_lead or team_member of its team; district leaders for school goals',
  })
  .input(CreateDriverInputSchema)
  .mutation(({ ctx, input }) => createDriver({ db: ctx.db, actor: ctx.actor, ...input }))
