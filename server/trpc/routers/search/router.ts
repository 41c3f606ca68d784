import type { TRPCRouterRecord } from '@trpc/server'
import { cycles } from './cycles.ts'

export const searchRouter = { cycles } satisfies TRPCRouterRecord
