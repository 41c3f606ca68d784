import { SaveLinkedMeasuresInputSchema } from '@pdsa/domain'
import { saveMeasures as saveMeasuresService } from '../../../services/cycles/save-measures.ts'
import { authedProcedure } from '../../init.ts'

export const saveMeasures = authedProcedure
  .meta({ access: 'team_lead or team_member of the cycle’s team' })
  .input(SaveLinkedMeasuresInputSchema)
  .mutation(({ ctx, input }) =>
    saveMeasuresService({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
