import { UpdateTeamInputSchema } from '@pdsa/domain'
import { updateTeam as updateTeamService } from '../../../services/org/update-team.ts'
import { authedProcedure } from '../../init.ts'

export const updateTeam = authedProcedure
  .meta({ access: 'district admins (rename, describe, archive, restore)' })
  .input(UpdateTeamInputSchema)
  .mutation(({ ctx, input }) =>
    updateTeamService({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
