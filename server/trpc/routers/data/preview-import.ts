import { ImportUploadInputSchema } from '@pdsa/domain'
import { decodeUpload } from '../../../services/imports/decode-upload.ts'
import { previewImport as preview } from '../../../services/imports/preview-import.ts'
import { finishProgress, progressReporter } from '../../../services/imports/progress.ts'
import { authedProcedure } from '../../init.ts'

export const previewImport = authedProcedure
  .meta({
    access:
      'district leaders and admins; team leads and members for their own school’s rows. Writes nothing.',
  })
  .input(ImportUploadInputSchema)
  .mutation(async ({ ctx, input }) => {
    try {
      return await preview({
        db: ctx.db,
        actor: ctx.actor,
        now: ctx.app.now(),
        fileName: input.fileName,
        bytes: decodeUpload(ctx.actor, input.contentBase64),
        onProgress: progressReporter(ctx.actor.userId, input.uploadId),
      })
    } finally {
      finishProgress(ctx.actor.userId, input.uploadId)
    }
  })
