import { CycleBoardInputSchema } from '@pdsa/domain'
import { getCycleBoard } from '../../../services/cycles/get-cycle-board.ts'
import { authedProcedure } from '../../init.ts'

export const board = authedProcedure
  .meta({ access: 'readers of the team: its members, its coaches, its school, district readers' })
  .input(CycleBoardInputSchema)
  .query(({ ctx, input }) => getCycleBoard({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
