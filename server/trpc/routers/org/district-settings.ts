import { getDistrictSettings } from '../../../services/org/get-district-settings.ts'
import { authedProcedure } from '../../init.ts'

export const districtSettings = authedProcedure
  .meta({ access: 'district leaders and admins' })
  .query(({ ctx }) => getDistrictSettings({ db: ctx.db, actor: ctx.actor }))
