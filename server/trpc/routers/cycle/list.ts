import { ListCyclesInputSchema } from '@pdsa/domain'
import { listCycles } from '../../../services/cycles/list-cycles.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'signed in; returns only cycles of teams and schools the caller may read' })
  .input(ListCyclesInputSchema)
  .query(({ ctx, input }) => listCycles({ db: ctx.db, actor: ctx.actor, ...input }))
