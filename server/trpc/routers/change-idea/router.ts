import type { TRPCRouterRecord } from '@trpc/server'
import { byId } from './by-id.ts'
import { create } from './create.ts'
import { del } from './delete.ts'
import { list } from './list.ts'
import { update } from './update.ts'

export const changeIdeaRouter = { list, byId, create, update, delete: del } satisfies TRPCRouterRecord
