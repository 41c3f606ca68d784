import type { TRPCRouterRecord } from '@trpc/server'
import { byId } from './by-id.ts'
import { list } from './list.ts'

/** Every email the district's people were sent (ADR 029). */
export const outboxRouter = { list, byId } satisfies TRPCRouterRecord
