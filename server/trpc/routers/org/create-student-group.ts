import { CreateStudentGroupInputSchema } from '@pdsa/domain'
import { createStudentGroup as createStudentGroupService } from '../../../services/org/create-student-group.ts'
import { authedProcedure } from '../../init.ts'

export const createStudentGroup = authedProcedure
  .meta({ access: 'district admins' })
  .input(CreateStudentGroupInputSchema)
  .mutation(({ ctx, input }) => createStudentGroupService({ db: ctx.db, actor: ctx.actor, ...input }))
