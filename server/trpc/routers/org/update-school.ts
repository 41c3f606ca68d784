import { UpdateSchoolInputSchema } from '@pdsa/domain'
import { updateSchool as updateSchoolService } from '../../../services/org/update-school.ts'
import { authedProcedure } from '../../init.ts'

export const updateSchool = authedProcedure
  .meta({ access: 'district admins' })
  .input(UpdateSchoolInputSchema)
  .mutation(({ ctx, input }) => updateSchoolService({ db: ctx.db, actor: ctx.actor, ...input }))
