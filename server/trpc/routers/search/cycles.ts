import { SearchCyclesInputSchema } from '@pdsa/domain'
import { searchCycles } from '../../../services/search/search-cycles.ts'
import { authedProcedure } from '../../init.ts'

export const cycles = authedProcedure
  .meta({
    access:
      'every signed-in user of the district: summaries of all the district’s cycles and change ideas (district-wide learning); canOpen marks the ones the caller may open',
  })
  .input(SearchCyclesInputSchema)
  .query(({ ctx, input }) => searchCycles({ db: ctx.db, actor: ctx.actor, ...input }))
