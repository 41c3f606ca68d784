import { getDataOptions } from '../../../services/imports/data-options.ts'
import { authedProcedure } from '../../init.ts'

export const options = authedProcedure
  .meta({ access: 'anyone signed in; lists only the schools and teams they may read or import for' })
  .query(({ ctx }) => getDataOptions({ db: ctx.db, actor: ctx.actor }))
