import { z } from 'zod'
import { CHANGE_IDEA_STATUSES, DRIVER_KINDS, GOAL_STATUSES, REFERENCE_KINDS } from '../enums.ts'
import {
  DescriptionSchema,
  IdSchema,
  IsoDateSchema,
  MeasureNumberSchema,
  TextSchema,
  TitleSchema,
} from './common.ts'

export const BASELINE_SOURCES = ['data', 'manual'] as const
export type BaselineSourceKind = (typeof BASELINE_SOURCES)[number]

const YearSchema = z.number().int().min(2000, { message: 'From 2000.' }).max(2100, { message: 'Until 2100.' })

export const CreateDistrictGoalInputSchema = z
  .object({
    code: TextSchema.trim().min(1, { message: 'Required.' }).max(32, { message: 'At most 32 characters.' }),
    title: TitleSchema,
    description: DescriptionSchema.default(''),
    ownerId: IdSchema.nullable().default(null),
    startYear: YearSchema,
    endYear: YearSchema,
  })
  .refine((v) => v.endYear >= v.startYear, {
    path: ['endYear'],
    message: 'The end year is before the start year.',
  })
export type CreateDistrictGoalInput = z.infer<typeof CreateDistrictGoalInputSchema>
export const UpdateDistrictGoalInputSchema = z.object({
  id: IdSchema,
  code: CreateDistrictGoalInputSchema.shape.code.optional(),
  title: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  ownerId: IdSchema.nullable().optional(),
  startYear: YearSchema.optional(),
  endYear: YearSchema.optional(),
  archived: z.boolean().optional(),
})
export type UpdateDistrictGoalInput = z.infer<typeof UpdateDistrictGoalInputSchema>
export const ListDistrictGoalsInputSchema = z.object({ includeArchived: z.boolean().default(false) })
export type ListDistrictGoalsInput = z.infer<typeof ListDistrictGoalsInputSchema>

const goalFields = {
  title: TitleSchema,
  aimStatement: DescriptionSchema.default(''),
  measureId: IdSchema,
  focalGroupId: IdSchema,
  referenceKind: z.enum(REFERENCE_KINDS),
  referenceGroupId: IdSchema.nullable().default(null),
  baselineValue: MeasureNumberSchema,
  baselineDate: IsoDateSchema,
  targetValue: MeasureNumberSchema,
  targetDate: IsoDateSchema,
  baselineGap: MeasureNumberSchema.nullable().default(null),
  targetGap: MeasureNumberSchema.nullable().default(null),
  status: z.enum(GOAL_STATUSES).default('active'),
  districtGoalIds: z.array(IdSchema).max(10, { message: 'At most 10 district goals.' }).default([]),
  /** "data": the baseline value is the one the measure's data give (the server checks it); "manual": typed. */
  baselineSource: z.enum(BASELINE_SOURCES).default('manual'),
}

type GoalShape = {
  focalGroupId?: string
  referenceKind?: (typeof REFERENCE_KINDS)[number]
  referenceGroupId?: string | null
  baselineDate?: string
  targetDate?: string
}
function refineGoal(v: GoalShape, ctx: z.RefinementCtx) {
  if (v.referenceKind === 'named_group' && !v.referenceGroupId) {
    ctx.addIssue({ code: 'custom', path: ['referenceGroupId'], message: 'Choose the group to compare with.' })
  }
  if (v.referenceKind && v.referenceKind !== 'named_group' && v.referenceGroupId) {
    ctx.addIssue({
      code: 'custom',
      path: ['referenceGroupId'],
      message: 'Only a named-group comparison takes a group.',
    })
  }
  if (v.referenceGroupId && v.referenceGroupId === v.focalGroupId) {
    ctx.addIssue({
      code: 'custom',
      path: ['referenceGroupId'],
      message: 'Compare the focal group with another group.',
    })
  }
  if (v.baselineDate && v.targetDate && v.targetDate <= v.baselineDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetDate'],
      message: 'The target date must be after the baseline date.',
    })
  }
}

export const CreateGoalInputSchema = z
  .object({ schoolId: IdSchema, teamId: IdSchema.nullable().default(null), ...goalFields })
  .superRefine(refineGoal)
export type CreateGoalInput = z.infer<typeof CreateGoalInputSchema>

export const UpdateGoalInputSchema = z
  .object({
    id: IdSchema,
    title: goalFields.title.optional(),
    aimStatement: DescriptionSchema.optional(),
    measureId: IdSchema.optional(),
    focalGroupId: IdSchema.optional(),
    referenceKind: goalFields.referenceKind.optional(),
    referenceGroupId: IdSchema.nullable().optional(),
    baselineValue: MeasureNumberSchema.optional(),
    baselineDate: IsoDateSchema.optional(),
    targetValue: MeasureNumberSchema.optional(),
    targetDate: IsoDateSchema.optional(),
    baselineGap: MeasureNumberSchema.nullable().optional(),
    targetGap: MeasureNumberSchema.nullable().optional(),
    status: z.enum(GOAL_STATUSES).optional(),
    districtGoalIds: goalFields.districtGoalIds.optional(),
    baselineSource: z.enum(BASELINE_SOURCES).optional(),
  })
  .superRefine(refineGoal)
export type UpdateGoalInput = z.infer<typeof UpdateGoalInputSchema>

/** The baseline and latest value the data give for a goal being written (the goal form asks as it is filled in). */
export const GoalDataBaselineInputSchema = z.object({
  schoolId: IdSchema,
  measureId: IdSchema,
  focalGroupId: IdSchema,
  referenceKind: z.enum(REFERENCE_KINDS),
  referenceGroupId: IdSchema.nullable().default(null),
  baselineDate: IsoDateSchema,
})
export type GoalDataBaselineInput = z.infer<typeof GoalDataBaselineInputSchema>

export const ListGoalsInputSchema = z.object({
  teamId: IdSchema.optional(),
  schoolId: IdSchema.optional(),
  includeArchived: z.boolean().default(false),
})
export type ListGoalsInput = z.infer<typeof ListGoalsInputSchema>

/** Archive a goal (it leaves the lists, its history stays), or bring it back as active. */
export const ArchiveGoalInputSchema = z.object({ id: IdSchema, archived: z.boolean().default(true) })
export type ArchiveGoalInput = z.infer<typeof ArchiveGoalInputSchema>

/** What the goal form offers at a school: measures, student groups, district goals. */
export const GoalFormOptionsInputSchema = z.object({ schoolId: IdSchema })
export type GoalFormOptionsInput = z.infer<typeof GoalFormOptionsInputSchema>

export const CreateDriverInputSchema = z
  .object({
    goalId: IdSchema,
    kind: z.enum(DRIVER_KINDS),
    parentId: IdSchema.nullable().default(null),
    title: TitleSchema,
    description: DescriptionSchema.default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'secondary' && !v.parentId) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentId'],
        message: 'A secondary driver needs its primary driver.',
      })
    }
    if (v.kind === 'primary' && v.parentId) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'A primary driver has no parent.' })
    }
  })
export type CreateDriverInput = z.infer<typeof CreateDriverInputSchema>
export const UpdateDriverInputSchema = z.object({
  id: IdSchema,
  title: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  /** Moves a secondary driver under another primary driver of the same goal. */
  parentId: IdSchema.optional(),
  /** The driver's new place among its siblings (0 = first); the others shift. */
  position: z
    .number({ message: 'Must be a number.' })
    .int({ message: 'Must be a whole number.' })
    .min(0, { message: 'At least 0.' })
    .max(1000, { message: 'At most 1000.' })
    .optional(),
})
export type UpdateDriverInput = z.infer<typeof UpdateDriverInputSchema>

const EvidenceLinkSchema = z.url({ protocol: /^https?$/, message: 'Must be an http(s) link.' }).max(2000)

export const CreateChangeIdeaInputSchema = z.object({
  goalId: IdSchema,
  title: TitleSchema,
  description: DescriptionSchema.default(''),
  status: z.enum(CHANGE_IDEA_STATUSES).default('idea'),
  mtssTier: z
    .number()
    .int()
    .min(1, { message: 'Tier 1 to 3.' })
    .max(3, { message: 'Tier 1 to 3.' })
    .nullable()
    .default(null),
  evidenceLinks: z.array(EvidenceLinkSchema).max(20, { message: 'At most 20 links.' }).default([]),
  driverIds: z.array(IdSchema).max(20, { message: 'At most 20 drivers.' }).default([]),
})
export type CreateChangeIdeaInput = z.infer<typeof CreateChangeIdeaInputSchema>
export const UpdateChangeIdeaInputSchema = z.object({
  id: IdSchema,
  title: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  status: z.enum(CHANGE_IDEA_STATUSES).optional(),
  mtssTier: CreateChangeIdeaInputSchema.shape.mtssTier.optional(),
  evidenceLinks: CreateChangeIdeaInputSchema.shape.evidenceLinks.optional(),
  driverIds: CreateChangeIdeaInputSchema.shape.driverIds.optional(),
})
export type UpdateChangeIdeaInput = z.infer<typeof UpdateChangeIdeaInputSchema>
export const ListChangeIdeasInputSchema = z.object({ goalId: IdSchema })
export type ListChangeIdeasInput = z.infer<typeof ListChangeIdeasInputSchema>
