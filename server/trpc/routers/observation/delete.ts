import { DeleteObservationsInputSchema } from '@pdsa/domain'
import { deleteObservations } from '../../../services/observations/delete-observations.ts'
import { authedProcedure } from '../../init.ts'

export const remove = authedProcedure
  .meta({ access: 'team leads and members at the school, district leaders and admins' })
  .input(DeleteObservationsInputSchema)
  .mutation(({ ctx, input }) => deleteObservations({ db: ctx.db, actor: ctx.actor, ...input }))
