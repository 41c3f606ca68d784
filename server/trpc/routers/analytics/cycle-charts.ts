import { CycleChartsInputSchema } from '@pdsa/domain'
import { getCycleCharts } from '../../../services/analytics/cycle-verdict-view.ts'
import { authedProcedure } from '../../init.ts'

/** The points of the charts a cycle's verdicts rest on: the cycle page loads them after hydration. */
export const cycleCharts = authedProcedure
  .meta({ access: "readers of the cycle's team" })
  .input(CycleChartsInputSchema)
  .query(({ ctx, input }) => getCycleCharts({ db: ctx.db, actor: ctx.actor, cycleId: input.cycleId }))
