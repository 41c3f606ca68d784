import type { TRPCRouterRecord } from '@trpc/server'
import { create } from './create.ts'
import { deleteProcedure } from './delete.ts'
import { acceptReply, reopen } from './feedback-state.ts'
import { list } from './list.ts'

export const commentRouter = {
  list,
  create,
  acceptReply,
  reopen,
  delete: deleteProcedure,
} satisfies TRPCRouterRecord
