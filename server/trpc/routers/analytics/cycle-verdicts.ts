import { CycleVerdictsInputSchema } from '@pdsa/domain'
import { getCycleVerdicts } from '../../../services/analytics/cycle-verdict-view.ts'
import { authedProcedure } from '../../init.ts'

export const cycleVerdicts = authedProcedure
  .meta({ access: "readers of the cycle's team" })
  .input(CycleVerdictsInputSchema)
  .query(({ ctx, input }) => getCycleVerdicts({ db: ctx.db, actor: ctx.actor, cycleId: input.cycleId }))
