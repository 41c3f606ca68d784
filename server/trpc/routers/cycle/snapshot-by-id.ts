import { ByIdInputSchema } from '@pdsa/domain'
import { getSnapshot } from '../../../services/cycles/get-snapshot.ts'
import { authedProcedure } from '../../init.ts'

export const snapshotById = authedProcedure
  .meta({ access: 'readers of the cycle’s team' })
  .input(ByIdInputSchema)
  .query(({ ctx, input }) => getSnapshot({ db: ctx.db, actor: ctx.actor, ...input }))
