import { InvitationByIdInputSchema } from '@pdsa/domain'
import { revokeInvitation } from '../../../services/accounts/revoke-invitation.ts'
import { authedProcedure } from '../../init.ts'

export const revoke = authedProcedure
  .meta({ access: 'district admins' })
  .input(InvitationByIdInputSchema)
  .mutation(({ ctx, input }) =>
    revokeInvitation({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }),
  )
