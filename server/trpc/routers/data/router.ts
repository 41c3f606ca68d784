import type { TRPCRouterRecord } from '@trpc/server'
import { commitImport } from './commit-import.ts'
import { exportCycles } from './export-cycles.ts'
import { exportObservations } from './export-observations.ts'
import { importHistory } from './import-history.ts'
import { importProgress } from './import-progress.ts'
import { options } from './options.ts'
import { previewImport } from './preview-import.ts'
import { undoImport } from './undo-import.ts'

/** Data in (CSV import of observations) and out (CSV exports). See docs/decisions/012-csv-import.md. */
export const dataRouter = {
  options,
  previewImport,
  commitImport,
  importProgress,
  importHistory,
  undoImport,
  exportObservations,
  exportCycles,
} satisfies TRPCRouterRecord
