import { InvitationByIdInputSchema } from '@pdsa/domain'
import { resendInvitation } from '../../../services/accounts/resend-invitation.ts'
import { publicUrlOf } from '../../context.ts'
import { authedProcedure } from '../../init.ts'

export const resend = authedProcedure
  .meta({ access: 'district admins' })
  .input(InvitationByIdInputSchema)
  .mutation(async ({ ctx, input }) => {
    const sent = await resendInvitation({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      publicUrl: publicUrlOf(ctx.app),
      ...input,
    })
    ctx.app.onEmailQueued?.()
    return sent
  })
