import type { TRPCRouterRecord } from '@trpc/server'
import { cycleCharts } from './cycle-charts.ts'
import { cycleVerdicts } from './cycle-verdicts.ts'
import { goalProgress } from './goal-progress.ts'
import { measureSeries } from './measure-series.ts'

export const analyticsRouter = {
  measureSeries,
  cycleVerdicts,
  cycleCharts,
  goalProgress,
} satisfies TRPCRouterRecord
