import { ByIdInputSchema } from '@pdsa/domain'
import { getTeam } from '../../../services/org/get-team.ts'
import { authedProcedure } from '../../init.ts'

export const teamById = authedProcedure
  .meta({ access: 'readers of the team: its members, its coaches, its school, district readers' })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getTeam({ db: ctx.db, actor: ctx.actor, id: input.id }))
