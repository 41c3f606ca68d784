import { UpdateDistrictSettingsInputSchema } from '@pdsa/domain'
import { updateDistrictSettings as updateDistrictSettingsService } from '../../../services/org/update-district-settings.ts'
import { authedProcedure } from '../../init.ts'

export const updateDistrictSettings = authedProcedure
  .meta({ access: 'district admins' })
  .input(UpdateDistrictSettingsInputSchema)
  .mutation(({ ctx, input }) => updateDistrictSettingsService({ db: ctx.db, actor: ctx.actor, ...input }))
