import { ImportHistoryInputSchema } from '@pdsa/domain'
import { listImportHistory } from '../../../services/imports/import-history.ts'
import { authedProcedure } from '../../init.ts'

export const importHistory = authedProcedure
  .meta({
    access:
      'district readers see the district’s imports; team leads and members their own; others an empty list',
  })
  .input(ImportHistoryInputSchema)
  .query(({ ctx, input }) =>
    listImportHistory({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
