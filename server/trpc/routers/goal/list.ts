import { ListGoalsInputSchema } from '@pdsa/domain'
import { listGoals } from '../../../services/goals/list-goals.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'signed in; returns only goals of teams and schools the caller may read' })
  .input(ListGoalsInputSchema)
  .query(({ ctx, input }) => listGoals({ db: ctx.db, actor: ctx.actor, ...input }))
