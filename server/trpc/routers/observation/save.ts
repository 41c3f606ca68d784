import { SaveObservationsInputSchema } from '@pdsa/domain'
import { saveObservations } from '../../../services/observations/save-observations.ts'
import { authedProcedure } from '../../init.ts'

export const save = authedProcedure
  .meta({ access: 'team leads and members at the school, district leaders and admins' })
  .input(SaveObservationsInputSchema)
  .mutation(({ ctx, input }) =>
    saveObservations({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
