import { UpdateStudentGroupInputSchema } from '@pdsa/domain'
import { updateStudentGroup as updateStudentGroupService } from '../../../services/org/update-student-group.ts'
import { authedProcedure } from '../../init.ts'

export const updateStudentGroup = authedProcedure
  .meta({ access: 'district admins' })
  .input(UpdateStudentGroupInputSchema)
  .mutation(({ ctx, input }) => updateStudentGroupService({ db: ctx.db, actor: ctx.actor, ...input }))
