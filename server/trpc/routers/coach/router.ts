import type { TRPCRouterRecord } from '@trpc/server'
import { overview } from './overview.ts'
import { portfolio } from './portfolio.ts'

export const coachRouter = { overview, portfolio } satisfies TRPCRouterRecord
