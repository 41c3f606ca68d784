import { SaveTasksInputSchema } from '@pdsa/domain'
import { saveTasks as saveTasksService } from '../../../services/cycles/save-tasks.ts'
import { authedProcedure } from '../../init.ts'

export const saveTasks = authedProcedure
  .meta({ access: 'team_lead or team_member of the cycle’s team' })
  .input(SaveTasksInputSchema)
  .mutation(({ ctx, input }) =>
    saveTasksService({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
