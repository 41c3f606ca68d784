import type { TRPCRouterRecord } from '@trpc/server'
import { alignment } from './alignment.ts'
import { alignmentCsv } from './alignment-csv.ts'
import { equityMatrix } from './equity-matrix.ts'
import { overview } from './overview.ts'

export const districtRouter = { overview, alignment, equityMatrix, alignmentCsv } satisfies TRPCRouterRecord
