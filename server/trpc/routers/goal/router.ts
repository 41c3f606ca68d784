import type { TRPCRouterRecord } from '@trpc/server'
import { archive } from './archive.ts'
import { byId } from './by-id.ts'
import { create } from './create.ts'
import { dataBaseline } from './data-baseline.ts'
import { diagram } from './diagram.ts'
import { formOptions } from './form-options.ts'
import { list } from './list.ts'
import { update } from './update.ts'

export const goalRouter = {
  list,
  byId,
  diagram,
  formOptions,
  dataBaseline,
  create,
  update,
  archive,
} satisfies TRPCRouterRecord
