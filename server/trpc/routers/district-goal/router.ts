import type { TRPCRouterRecord } from '@trpc/server'
import { create } from './create.ts'
import { list } from './list.ts'
import { update } from './update.ts'

export const districtGoalRouter = { list, create, update } satisfies TRPCRouterRecord
