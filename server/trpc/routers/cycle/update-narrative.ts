import { UpdateNarrativeInputSchema } from '@pdsa/domain'
import { updateNarrative as updateNarrativeService } from '../../../services/cycles/update-narrative.ts'
import { authedProcedure } from '../../init.ts'

export const updateNarrative = authedProcedure
  .meta({ access: 'team_lead or team_member of the cycle’s team' })
  .input(UpdateNarrativeInputSchema)
  .mutation(({ ctx, input }) =>
    updateNarrativeService({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      ...input,
      ...(ctx.app.onCycleDocumentWritten ? { onDocumentWritten: ctx.app.onCycleDocumentWritten } : {}),
    }),
  )
