import type { TRPCRouterRecord } from '@trpc/server'
import { byId } from './by-id.ts'
import { create } from './create.ts'
import { list } from './list.ts'
import { update } from './update.ts'

export const measureRouter = { list, byId, create, update } satisfies TRPCRouterRecord
