import { ListStudentGroupsInputSchema } from '@pdsa/domain'
import { listStudentGroups } from '../../../services/org/list-student-groups.ts'
import { authedProcedure } from '../../init.ts'

export const studentGroups = authedProcedure
  .meta({ access: 'every user of the district' })
  .input(ListStudentGroupsInputSchema)
  .query(({ ctx, input }) => listStudentGroups({ db: ctx.db, actor: ctx.actor, ...input }))
