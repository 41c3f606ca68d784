import { getNavigation } from '../../../services/org/get-navigation.ts'
import { authedProcedure } from '../../init.ts'

export const navigation = authedProcedure
  .meta({ access: 'signed in; describes only the caller' })
  .query(({ ctx }) => getNavigation({ db: ctx.db, actor: ctx.actor }))
