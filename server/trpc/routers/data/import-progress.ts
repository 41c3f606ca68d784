import { ImportProgressInputSchema } from '@pdsa/domain'
import { readProgress } from '../../../services/imports/progress.ts'
import { authedProcedure } from '../../init.ts'

export const importProgress = authedProcedure
  .meta({ access: 'anyone signed in; only the progress of their own uploads' })
  .input(ImportProgressInputSchema)
  .query(({ ctx, input }) => ({ progress: readProgress(ctx.actor.userId, input.uploadId) }))
