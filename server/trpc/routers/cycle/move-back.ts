import { MoveCycleBackInputSchema } from '@pdsa/domain'
import { moveCycleBack } from '../../../services/cycles/move-cycle-back.ts'
import { authedProcedure } from '../../init.ts'

export const moveBack = authedProcedure
  .meta({ access: 'team_lead of the cycle’s team' })
  .input(MoveCycleBackInputSchema)
  .mutation(async ({ ctx, input }) => {
    const result = await moveCycleBack({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      onNotified: ctx.app.onNotified,
      ...input,
    })
    // Open worksheets re-read the stage now (the stage they show changed), as after a move forward.
    ctx.app.onAccessChanged?.({})
    return result
  })
