import { MeasureSeriesInputSchema } from '@pdsa/domain'
import { getMeasureSeries } from '../../../services/analytics/measure-series.ts'
import { authedProcedure } from '../../init.ts'

export const measureSeries = authedProcedure
  .meta({ access: 'readers of the school (its teams, school viewers, district readers)' })
  .input(MeasureSeriesInputSchema)
  .query(({ ctx, input }) => getMeasureSeries({ db: ctx.db, actor: ctx.actor, ...input }))
