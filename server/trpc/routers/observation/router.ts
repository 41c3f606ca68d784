import type { TRPCRouterRecord } from '@trpc/server'
import { remove } from './delete.ts'
import { list } from './list.ts'
import { save } from './save.ts'

export const observationRouter = { list, save, delete: remove } satisfies TRPCRouterRecord
