import type { TRPCRouterRecord } from '@trpc/server'
import { me } from './me.ts'

export const authRouter = { me } satisfies TRPCRouterRecord
