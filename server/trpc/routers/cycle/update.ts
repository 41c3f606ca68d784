import { UpdateCycleInputSchema } from '@pdsa/domain'
import { updateCycle } from '../../../services/cycles/update-cycle.ts'
import { authedProcedure } from '../../init.ts'

export const update = authedProcedure
  .meta({ access: 'team_lead or team_member of the cycle’s team' })
  .input(UpdateCycleInputSchema)
  .mutation(({ ctx, input }) => updateCycle({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
