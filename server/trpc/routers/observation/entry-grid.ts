import { ListObservationsInputSchema } from '@pdsa/domain'
import { getEntryGrid } from '../../../services/observations/entry-grid.ts'
import { authedProcedure } from '../../init.ts'

export const entryGrid = authedProcedure
  .meta({
    access:
      'team leads and members at the school, district leaders and admins (raw values; opening small cells is audited)',
  })
  .input(ListObservationsInputSchema)
  .query(({ ctx, input }) => getEntryGrid({ db: ctx.db, actor: ctx.actor, now: ctx.app.now(), ...input }))
