import { z } from 'zod'
import { SCHOOL_LEVELS, STUDENT_GROUP_CATEGORIES } from '../enums.ts'
import { ROLES } from '../roles.ts'
import { schoolYearStartProblem } from '../school-year.ts'
import { isTimeZone } from '../time-zone.ts'
import { DescriptionSchema, IdSchema, ShortTextSchema, TextSchema, TitleSchema } from './common.ts'

const CodeSchema = TextSchema.trim()
  .min(1, { message: 'Required.' })
  .max(32, { message: 'At most 32 characters.' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Letters, digits, - and _ only.' })

export const CreateSchoolInputSchema = z.object({
  code: CodeSchema,
  name: TitleSchema,
  level: z.enum(SCHOOL_LEVELS),
  gradeSpan: TextSchema.trim().max(20).default(''),
  enrollment: z.number().int().min(0).max(100_000).nullable().default(null),
})
export type CreateSchoolInput = z.infer<typeof CreateSchoolInputSchema>
export const UpdateSchoolInputSchema = CreateSchoolInputSchema.partial().extend({ id: IdSchema })
export type UpdateSchoolInput = z.infer<typeof UpdateSchoolInputSchema>

export const CreateTeamInputSchema = z.object({
  schoolId: IdSchema,
  name: TitleSchema,
  description: DescriptionSchema.default(''),
})
export type CreateTeamInput = z.infer<typeof CreateTeamInputSchema>
export const UpdateTeamInputSchema = z.object({
  id: IdSchema,
  name: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  archived: z.boolean().optional(),
})
export type UpdateTeamInput = z.infer<typeof UpdateTeamInputSchema>

export const UpdateUserInputSchema = z.object({
  id: IdSchema,
  name: TitleSchema.optional(),
  title: ShortTextSchema.optional(),
  deactivated: z.boolean().optional(),
})
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>

/** A role on the district (no school, no team), on a school, or on a team. */
export const GrantRoleInputSchema = z
  .object({
    userId: IdSchema,
    role: z.enum(ROLES),
    schoolId: IdSchema.nullable().default(null),
    teamId: IdSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'admin' || v.role === 'district_leader') {
      if (v.schoolId || v.teamId) {
        ctx.addIssue({ code: 'custom', path: ['role'], message: `${v.role} is a district-wide role.` })
      }
    }
    if ((v.role === 'team_lead' || v.role === 'team_member') && !v.teamId) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Team roles need a team.' })
    }
  })
export type GrantRoleInput = z.infer<typeof GrantRoleInputSchema>

export const CreateStudentGroupInputSchema = z.object({
  code: CodeSchema,
  name: TitleSchema,
  category: z.enum(STUDENT_GROUP_CATEGORIES),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
})
export type CreateStudentGroupInput = z.infer<typeof CreateStudentGroupInputSchema>
export const UpdateStudentGroupInputSchema = z.object({
  id: IdSchema,
  name: TitleSchema.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  isActive: z.boolean().optional(),
})
export type UpdateStudentGroupInput = z.infer<typeof UpdateStudentGroupInputSchema>

/** The first day of the school year, 'MM-DD' (a day every year has): year-to-date measures restart on it. */
export const SchoolYearStartSchema = TextSchema.trim().superRefine((text, ctx) => {
  const problem = schoolYearStartProblem(text)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** An IANA time zone name this runtime knows ('America/Los_Angeles'). */
export const TimeZoneSchema = TextSchema.trim()
  .max(64)
  .refine(isTimeZone, { message: 'Choose a time zone from the list, such as America/Los_Angeles.' })

export const UpdateDistrictSettingsInputSchema = z.object({
  name: TitleSchema.optional(),
  suppressionThreshold: z
    .number()
    .int()
    .min(1, { message: 'At least 1.' })
    .max(100, { message: 'At most 100.' })
    .optional(),
  schoolYearStart: SchoolYearStartSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
})
export type UpdateDistrictSettingsInput = z.infer<typeof UpdateDistrictSettingsInputSchema>

/** Schools with their teams; archived teams only when asked (the admin screen). */
export const ListSchoolsInputSchema = z
  .object({ includeArchivedTeams: z.boolean().default(false) })
  .prefault({})
export type ListSchoolsInput = z.infer<typeof ListSchoolsInputSchema>

export const RevokeRoleInputSchema = z.object({ membershipId: IdSchema })
export type RevokeRoleInput = z.infer<typeof RevokeRoleInputSchema>

export const ListStudentGroupsInputSchema = z
  .object({ includeInactive: z.boolean().default(false) })
  .prefault({})
export type ListStudentGroupsInput = z.infer<typeof ListStudentGroupsInputSchema>
