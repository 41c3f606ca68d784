import { CommitImportInputSchema } from '@pdsa/domain'
import { commitImport as commit } from '../../../services/imports/commit-import.ts'
import { decodeUpload } from '../../../services/imports/decode-upload.ts'
import { finishProgress, progressReporter } from '../../../services/imports/progress.ts'
import { authedProcedure } from '../../init.ts'

export const commitImport = authedProcedure
  .meta({ access: 'district leaders and admins; team leads and members for their own school’s rows' })
  .input(CommitImportInputSchema)
  .mutation(async ({ ctx, input }) => {
    try {
      return await commit({
        db: ctx.db,
        actor: ctx.actor,
        now: ctx.app.now(),
        fileName: input.fileName,
        mode: input.mode,
        bytes: decodeUpload(ctx.actor, input.contentBase64),
        onProgress: progressReporter(ctx.actor.userId, input.uploadId),
        onNotified: ctx.app.onNotified,
      })
    } finally {
      finishProgress(ctx.actor.userId, input.uploadId)
    }
  })
