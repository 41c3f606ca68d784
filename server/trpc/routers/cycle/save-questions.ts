import { SaveQuestionsInputSchema } from '@pdsa/domain'
import { saveQuestions as saveQuestionsService } from '../../../services/cycles/save-questions.ts'
import { authedProcedure } from '../../init.ts'

export const saveQuestions = authedProcedure
  .meta({ access: 'team_lead or team_member of the cycle’s team; after Plan only results may change' })
  .input(SaveQuestionsInputSchema)
  .mutation(({ ctx, input }) =>
    saveQuestionsService({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
