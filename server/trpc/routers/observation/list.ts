import { ListObservationsInputSchema } from '@pdsa/domain'
import { listObservations } from '../../../services/observations/list-observations.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({
    access:
      'readers of the school; raw values only for those who may enter its data, small cells suppressed for everyone else',
  })
  .input(ListObservationsInputSchema)
  .query(({ ctx, input }) => listObservations({ db: ctx.db, actor: ctx.actor, ...input }))
