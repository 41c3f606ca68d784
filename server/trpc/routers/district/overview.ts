import { getDistrictOverview } from '../../../services/district/get-district-overview.ts'
import { authedProcedure } from '../../init.ts'

export const overview = authedProcedure
  .meta({
    access:
      'district readers (admin, district_leader, district viewers and coaches): every school; school-level grants (principals): their schools',
  })
  .query(({ ctx }) => getDistrictOverview({ db: ctx.db, actor: ctx.actor }))
