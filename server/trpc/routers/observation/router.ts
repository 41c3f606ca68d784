import type { TRPCRouterRecord } from '@trpc/server'
import { remove } from './delete.ts'
import { entryGrid } from './entry-grid.ts'
import { list } from './list.ts'
import { save } from './save.ts'

export const observationRouter = { list, entryGrid, save, delete: remove } satisfies TRPCRouterRecord
