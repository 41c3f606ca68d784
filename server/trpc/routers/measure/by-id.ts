import { ByIdInputSchema } from '@pdsa/domain'
import { getMeasure } from '../../../services/measures/get-measure.ts'
import { authedProcedure } from '../../init.ts'

export const byId = authedProcedure
  .meta({ access: 'every user for library measures; readers of the school for a school’s own' })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getMeasure({ db: ctx.db, actor: ctx.actor, ...input }))
