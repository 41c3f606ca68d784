import { InviteUserInputSchema } from '@pdsa/domain'
import { inviteUser } from '../../../services/accounts/invite-user.ts'
import { publicUrlOf } from '../../context.ts'
import { authedProcedure } from '../../init.ts'

export const create = authedProcedure
  .meta({ access: 'district admins' })
  .input(InviteUserInputSchema)
  .mutation(async ({ ctx, input }) => {
    const invited = await inviteUser({
      db: ctx.db,
      actor: ctx.actor,
      now: ctx.app.now(),
      publicUrl: publicUrlOf(ctx.app),
      ...input,
    })
    ctx.app.onEmailQueued?.()
    return invited
  })
