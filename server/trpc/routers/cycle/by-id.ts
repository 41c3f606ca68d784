import { ByIdInputSchema } from '@pdsa/domain'
import { getCycle } from '../../../services/cycles/get-cycle.ts'
import { authedProcedure } from '../../init.ts'

export const byId = authedProcedure
  .meta({ access: 'readers of the cycle’s team: its members, its coaches, its school, district readers' })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getCycle({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
