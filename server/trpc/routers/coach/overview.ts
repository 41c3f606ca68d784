import { getCoachOverview } from '../../../services/coach/get-coach-overview.ts'
import { authedProcedure } from '../../init.ts'

export const overview = authedProcedure
  .meta({
    access: 'coaches (role coach on teams, schools or the district); returns only the teams they coach',
  })
  .query(({ ctx }) => getCoachOverview({ db: ctx.db, actor: ctx.actor }))
