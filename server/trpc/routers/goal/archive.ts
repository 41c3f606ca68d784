import { ArchiveGoalInputSchema } from '@pdsa/domain'
import { archiveGoal } from '../../../services/goals/archive-goal.ts'
import { authedProcedure } from '../../init.ts'

export const archive = authedProcedure
  .meta({
    access: "team_lead of the goal's team or district admins; district leaders for school-level goals",
  })
  .input(ArchiveGoalInputSchema)
  .mutation(({ ctx, input }) => archiveGoal({ db: ctx.db, actor: ctx.actor, ...input }))
