import type { TRPCRouterRecord } from '@trpc/server'
import { createSchool } from './create-school.ts'
import { createStudentGroup } from './create-student-group.ts'
import { createTeam } from './create-team.ts'
import { districtSettings } from './district-settings.ts'
import { grantRole } from './grant-role.ts'
import { navigation } from './navigation.ts'
import { revokeRole } from './revoke-role.ts'
import { schools } from './schools.ts'
import { studentGroups } from './student-groups.ts'
import { teamById } from './team-by-id.ts'
import { updateDistrictSettings } from './update-district-settings.ts'
import { updateSchool } from './update-school.ts'
import { updateStudentGroup } from './update-student-group.ts'
import { updateTeam } from './update-team.ts'
import { updateUser } from './update-user.ts'
import { users } from './users.ts'

export const orgRouter = {
  navigation,
  teamById,
  schools,
  createSchool,
  updateSchool,
  createTeam,
  updateTeam,
  users,
  updateUser,
  grantRole,
  revokeRole,
  studentGroups,
  createStudentGroup,
  updateStudentGroup,
  districtSettings,
  updateDistrictSettings,
} satisfies TRPCRouterRecord
