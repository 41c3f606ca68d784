import { AlignmentExportInputSchema } from '@pdsa/domain'
import { exportAlignmentCsv } from '../../../services/exports/alignment-csv.ts'
import { authedProcedure } from '../../init.ts'

export const alignmentCsv = authedProcedure
  .meta({
    access:
      'district leaders and admins (district grant); the alignment report as CSV text, optionally for one school',
  })
  .input(AlignmentExportInputSchema)
  .query(({ ctx, input }) =>
    exportAlignmentCsv({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), schoolId: input.schoolId }),
  )
