import type { TRPCRouterRecord } from '@trpc/server'
import { create } from './create.ts'
import { deleteProcedure } from './delete.ts'
import { list } from './list.ts'
import { resolve } from './resolve.ts'

export const commentRouter = { list, create, resolve, delete: deleteProcedure } satisfies TRPCRouterRecord
