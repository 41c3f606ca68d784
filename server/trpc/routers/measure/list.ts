import { ListMeasuresInputSchema } from '@pdsa/domain'
import { listMeasures } from '../../../services/measures/list-measures.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'every user; the district library plus the own measures of schools the caller may read' })
  .input(ListMeasuresInputSchema)
  .query(({ ctx, input }) => listMeasures({ db: ctx.db, actor: ctx.actor, ...input }))
