import { FollowSchoolInputSchema } from '@pdsa/domain'
import { followSchool, listFollowedSchools } from '../../../services/notifications/follow-school.ts'
import { authedProcedure } from '../../init.ts'

export const followedSchools = authedProcedure
  .meta({ access: 'anyone signed in: the schools they follow' })
  .query(({ ctx }) => listFollowedSchools({ db: ctx.db, actor: ctx.actor }))

export const follow = authedProcedure
  .meta({ access: 'district leaders and admins, for a school of their district' })
  .input(FollowSchoolInputSchema)
  .mutation(({ ctx, input }) => followSchool({ db: ctx.db, actor: ctx.actor, ...input }))
