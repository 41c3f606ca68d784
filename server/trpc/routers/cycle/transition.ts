import { TransitionCycleInputSchema } from '@pdsa/domain'
import { transitionCycle } from '../../../services/cycles/transition-cycle.ts'
import { authedProcedure } from '../../init.ts'

export const transition = authedProcedure
  .meta({ access: 'team_lead or team_member of the cycle’s team' })
  .input(TransitionCycleInputSchema)
  .mutation(async ({ ctx, input }) => {
    const result = await transitionCycle({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      onNotified: ctx.app.onNotified,
      ...input,
    })
    // Open worksheets re-read the stage now (the Plan sections lock at Do), not at the next periodic check.
    ctx.app.onAccessChanged?.({})
    return result
  })
