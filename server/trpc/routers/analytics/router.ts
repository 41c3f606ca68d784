import type { TRPCRouterRecord } from '@trpc/server'
import { cycleVerdicts } from './cycle-verdicts.ts'
import { goalProgress } from './goal-progress.ts'
import { measureSeries } from './measure-series.ts'

export const analyticsRouter = {
  measureSeries,
  cycleVerdicts,
  goalProgress,
} satisfies TRPCRouterRecord
