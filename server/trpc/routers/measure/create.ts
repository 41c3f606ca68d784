import { CreateMeasureInputSchema } from '@pdsa/domain'
import { createMeasure } from '../../../services/measures/create-measure.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({
    access:
      'district library: district leaders and admins; a school’s own: team leads and members at that school, and district leaders',
  })
  .input(CreateMeasureInputSchema)
  .mutation(({ ctx, input }) => createMeasure({ db: ctx.db, actor: ctx.actor, ...input }))
