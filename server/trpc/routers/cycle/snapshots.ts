import { CycleSnapshotsInputSchema } from '@pdsa/domain'
import { listSnapshots } from '../../../services/cycles/list-snapshots.ts'
import { authedProcedure } from '../../init.ts'

export const snapshots = authedProcedure
  .meta({ access: 'readers of the cycle’s team' })
  .input(CycleSnapshotsInputSchema)
  .query(({ ctx, input }) => listSnapshots({ db: ctx.db, actor: ctx.actor, ...input }))
