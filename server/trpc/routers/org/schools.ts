import { ListSchoolsInputSchema } from '@pdsa/domain'
import { listSchools } from '../../../services/org/list-schools.ts'
import { authedProcedure } from '../../init.ts'

export const schools = authedProcedure
  .meta({ access: 'every user of the district (for selects); archived teams on request' })
  .input(ListSchoolsInputSchema)
  .query(({ ctx, input }) => listSchools({ db: ctx.db, actor: ctx.actor, ...input }))
