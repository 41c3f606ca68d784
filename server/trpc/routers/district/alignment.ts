import { getDistrictAlignment } from '../../../services/district/get-district-alignment.ts'
import { authedProcedure } from '../../init.ts'

export const alignment = authedProcedure
  .meta({
    access:
      'district-wide readers (admin, district_leader, and viewers or coaches with a district grant); the whole district’s plan cascade',
  })
  .query(({ ctx }) => getDistrictAlignment({ db: ctx.db, actor: ctx.actor }))
