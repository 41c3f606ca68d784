import { CreateSchoolInputSchema } from '@pdsa/domain'
import { createSchool as createSchoolService } from '../../../services/org/create-school.ts'
import { authedProcedure } from '../../init.ts'

export const createSchool = authedProcedure
  .meta({ access: 'district admins' })
  .input(CreateSchoolInputSchema)
  .mutation(({ ctx, input }) => createSchoolService({ db: ctx.db, actor: ctx.actor, ...input }))
