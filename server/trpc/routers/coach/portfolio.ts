import { getCoachPortfolio } from '../../../services/coach/get-coach-portfolio.ts'
import { authedProcedure } from '../../init.ts'

export const portfolio = authedProcedure
  .meta({
    access:
      'coaches (role coach on teams, schools or the district); returns every cycle of the teams they coach, nothing else',
  })
  .query(({ ctx }) => getCoachPortfolio({ db: ctx.db, actor: ctx.actor, now: ctx.app.now() }))
