// Inputs of the analytics read procedures (linked-metric view, cycle verdicts, goal progress).
import { z } from 'zod'
import { IdSchema, IsoDateSchema } from './common.ts'

export const SERIES_VIEWS = ['single', 'disaggregated', 'gap'] as const
export type SeriesView = (typeof SERIES_VIEWS)[number]

export const GAP_REFERENCES = ['all_students', 'all_other_students', 'named_group'] as const
export type GapReference = (typeof GAP_REFERENCES)[number]

export const MeasureSeriesInputSchema = z
  .object({
    measureId: IdSchema,
    schoolId: IdSchema,
    /** single: the first group (default all students); disaggregated: these groups (default: all). */
    groupIds: z.array(IdSchema).max(30, { message: 'At most 30 student groups at once.' }).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    view: z.enum(SERIES_VIEWS, { message: 'Must be single, disaggregated or gap.' }).default('single'),
    /** gap view: the focal group (default: the first group given). */
    focalGroupId: IdSchema.optional(),
    /** gap view: compared with whom (default: all other students). */
    reference: z.enum(GAP_REFERENCES, { message: 'Unknown reference group.' }).optional(),
    /** gap view with reference named_group: the reference group. */
    referenceGroupId: IdSchema.optional(),
    /** The chart of a goal: only that goal's cycles (its measure and school must be the goal's). */
    goalId: IdSchema.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end is before the start.',
  })
  .refine((v) => v.view !== 'gap' || v.reference !== 'named_group' || v.referenceGroupId, {
    path: ['referenceGroupId'],
    message: 'Choose the group to compare with.',
  })
export type MeasureSeriesInput = z.input<typeof MeasureSeriesInputSchema>

export const CycleVerdictsInputSchema = z.object({ cycleId: IdSchema })
export type CycleVerdictsInput = z.infer<typeof CycleVerdictsInputSchema>

/** The charts behind a cycle's verdicts (loaded after the page, apart from the verdicts). */
export const CycleChartsInputSchema = z.object({ cycleId: IdSchema })
export type CycleChartsInput = z.infer<typeof CycleChartsInputSchema>

export const GoalProgressInputSchema = z.object({ goalId: IdSchema })
export type GoalProgressInput = z.infer<typeof GoalProgressInputSchema>
