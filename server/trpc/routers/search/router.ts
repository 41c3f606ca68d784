import type { TRPCRouterRecord } from '@trpc/server'
import { cycles } from './cycles.ts'
import { quick } from './quick.ts'

export const searchRouter = { cycles, quick } satisfies TRPCRouterRecord
