import { ExportCyclesInputSchema } from '@pdsa/domain'
import { exportCyclesCsv } from '../../../services/exports/cycles-csv.ts'
import { authedProcedure } from '../../init.ts'

export const exportCycles = authedProcedure
  .meta({ access: 'readers of the team or school; only the cycles they may read' })
  .input(ExportCyclesInputSchema)
  .query(({ ctx, input }) => exportCyclesCsv({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
