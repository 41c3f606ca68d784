import { CreateCycleInputSchema } from '@pdsa/domain'
import { createCycle } from '../../../services/cycles/create-cycle.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({ access: 'team_lead or team_member of the team' })
  .input(CreateCycleInputSchema)
  .mutation(({ ctx, input }) => createCycle({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
