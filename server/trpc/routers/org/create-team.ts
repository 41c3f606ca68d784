import { CreateTeamInputSchema } from '@pdsa/domain'
import { createTeam as createTeamService } from '../../../services/org/create-team.ts'
import { authedProcedure } from '../../init.ts'

export const createTeam = authedProcedure
  .meta({ access: 'district admins' })
  .input(CreateTeamInputSchema)
  .mutation(({ ctx, input }) => createTeamService({ db: ctx.db, actor: ctx.actor, ...input }))
