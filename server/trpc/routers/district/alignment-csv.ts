import { exportAlignmentCsv } from '../../../services/exports/alignment-csv.ts'
import { authedProcedure } from '../../init.ts'

export const alignmentCsv = authedProcedure
  .meta({ access: 'district leaders and admins (district grant); the alignment report as CSV text' })
  .query(({ ctx }) => exportAlignmentCsv({ db: ctx.db, actor: ctx.actor, now: ctx.app.now() }))
