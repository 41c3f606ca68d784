import { UndoImportInputSchema } from '@pdsa/domain'
import { undoImport as undo } from '../../../services/imports/undo-import.ts'
import { authedProcedure } from '../../init.ts'

export const undoImport = authedProcedure
  .meta({ access: 'whoever ran the import (while they may import data) or a district admin, for 7 days' })
  .input(UndoImportInputSchema)
  .mutation(({ ctx, input }) =>
    undo({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), batchId: input.batchId }),
  )
