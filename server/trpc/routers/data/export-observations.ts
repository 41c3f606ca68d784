import { ExportObservationsInputSchema } from '@pdsa/domain'
import { exportObservationsCsv } from '../../../services/exports/observations-csv.ts'
import { authedProcedure } from '../../init.ts'

export const exportObservations = authedProcedure
  .meta({ access: 'readers of the schools asked for; small cells always suppressed' })
  .input(ExportObservationsInputSchema)
  .query(({ ctx, input }) =>
    exportObservationsCsv({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
