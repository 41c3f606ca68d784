import type { TRPCRouterRecord } from '@trpc/server'
import { create } from './create.ts'
import { del } from './delete.ts'
import { update } from './update.ts'

export const driverRouter = { create, update, delete: del } satisfies TRPCRouterRecord
