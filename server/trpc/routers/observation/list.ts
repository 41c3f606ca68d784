import { ListObservationsInputSchema } from '@pdsa/domain'
import { listObservations } from '../../../services/observations/list-observations.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({
    access:
      'readers of the school; every role sees the released cells (small cells and their complements hidden)',
  })
  .input(ListObservationsInputSchema)
  .query(({ ctx, input }) => listObservations({ db: ctx.db, actor: ctx.actor, ...input }))
