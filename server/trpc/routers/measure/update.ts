import { UpdateMeasureInputSchema } from '@pdsa/domain'
import { updateMeasure } from '../../../services/measures/update-measure.ts'
import { authedProcedure } from '../../init.ts'

export const update = authedProcedure
  .meta({ access: 'as measure.create, for the measure’s scope' })
  .input(UpdateMeasureInputSchema)
  .mutation(({ ctx, input }) => updateMeasure({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
