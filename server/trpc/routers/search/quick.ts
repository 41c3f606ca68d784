import { QuickSearchInputSchema } from '@pdsa/domain'
import { quickSearch } from '../../../services/search/quick-search.ts'
import { authedProcedure } from '../../init.ts'

export const quick = authedProcedure
  .meta({
    access:
      'every signed-in user; only the goals, cycles, measures and teams of their district they may open',
  })
  .input(QuickSearchInputSchema)
  .query(({ ctx, input }) => quickSearch({ db: ctx.db, actor: ctx.actor, ...input }))
