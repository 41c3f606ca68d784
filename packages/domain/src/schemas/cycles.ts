import { z } from 'zod'
import {
  ACT_DECISIONS,
  CONFIRMATIONS,
  CYCLE_PURPOSES,
  CYCLE_STAGES,
  DIRECTIONS,
  NARRATIVE_SECTION_KEYS,
  type NarrativeSectionKey,
} from '../cycle.ts'
import {
  DescriptionSchema,
  IdSchema,
  IsoDateSchema,
  LongTextSchema,
  MeasureNumberSchema,
  ShortTextSchema,
  TextSchema,
  TitleSchema,
} from './common.ts'

const dateOrder = (v: { plannedStart?: string; plannedEnd?: string }, ctx: z.RefinementCtx) => {
  if (v.plannedStart && v.plannedEnd && v.plannedEnd < v.plannedStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['plannedEnd'],
      message: 'The planned end is before the planned start.',
    })
  }
}

export const CreateCycleInputSchema = z
  .object({
    teamId: IdSchema,
    title: TitleSchema,
    goalId: IdSchema.nullable().default(null),
    changeIdeaId: IdSchema.nullable().default(null),
    /** Continue a ramp: the new cycle follows this one (cycle number + 1, same change idea by default). */
    previousCycleId: IdSchema.nullable().default(null),
    purpose: z.enum(CYCLE_PURPOSES).default('test_a_change'),
    scale: ShortTextSchema.default(''),
    ownerId: IdSchema.nullable().default(null),
    testers: ShortTextSchema.default(''),
    plannedStart: IsoDateSchema,
    plannedEnd: IsoDateSchema,
  })
  .superRefine(dateOrder)
export type CreateCycleInput = z.infer<typeof CreateCycleInputSchema>

export const UpdateCycleInputSchema = z
  .object({
    id: IdSchema,
    title: TitleSchema.optional(),
    goalId: IdSchema.nullable().optional(),
    changeIdeaId: IdSchema.nullable().optional(),
    purpose: z.enum(CYCLE_PURPOSES).optional(),
    scale: ShortTextSchema.optional(),
    ownerId: IdSchema.nullable().optional(),
    testers: ShortTextSchema.optional(),
    plannedStart: IsoDateSchema.optional(),
    plannedEnd: IsoDateSchema.optional(),
    actualStart: IsoDateSchema.nullable().optional(),
    actualEnd: IsoDateSchema.nullable().optional(),
    lagDays: z
      .number()
      .int()
      .min(0, { message: 'Not negative.' })
      .max(365, { message: 'At most 365 days.' })
      .optional(),
    carriedOutAsPlanned: z.boolean().nullable().optional(),
    predictionsConfirmed: z.enum(CONFIRMATIONS).nullable().optional(),
    decision: z.enum(ACT_DECISIONS).nullable().optional(),
    spreadPlan: DescriptionSchema.optional(),
    driverIds: z.array(IdSchema).max(20, { message: 'At most 20 drivers.' }).optional(),
  })
  .superRefine(dateOrder)
export type UpdateCycleInput = z.infer<typeof UpdateCycleInputSchema>

export const UpdateNarrativeInputSchema = z.object({
  id: IdSchema,
  section: z.enum(NARRATIVE_SECTION_KEYS as [NarrativeSectionKey, ...NarrativeSectionKey[]]),
  text: LongTextSchema,
})
export type UpdateNarrativeInput = z.infer<typeof UpdateNarrativeInputSchema>

export const QuestionInputSchema = z
  .object({
    id: IdSchema.optional(),
    question: TitleSchema.max(500, { message: 'At most 500 characters.' }),
    prediction: DescriptionSchema.default(''),
    measureId: IdSchema.nullable().default(null),
    predictedValue: MeasureNumberSchema.nullable().default(null),
    predictedMin: MeasureNumberSchema.nullable().default(null),
    predictedMax: MeasureNumberSchema.nullable().default(null),
    result: DescriptionSchema.default(''),
    resultValue: MeasureNumberSchema.nullable().default(null),
    learning: DescriptionSchema.default(''),
    confirmed: z.enum(CONFIRMATIONS).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if (q.predictedMin !== null && q.predictedMax !== null && q.predictedMax < q.predictedMin) {
      ctx.addIssue({
        code: 'custom',
        path: ['predictedMax'],
        message: 'The upper end is below the lower end.',
      })
    }
    const quantified = q.predictedValue !== null || q.predictedMin !== null || q.predictedMax !== null
    if (quantified && !q.measureId) {
      ctx.addIssue({
        code: 'custom',
        path: ['measureId'],
        message: 'A predicted value needs the measure it is in.',
      })
    }
  })
export type QuestionInput = z.infer<typeof QuestionInputSchema>

/**
 * The version of a worksheet list (questions, tasks, linked measures) a save was based on (ADR 032). The
 * app always sends it; a save based on an older version is refused. Without it the save is last-write-wins.
 */
export const ListVersionSchema = z.number().int().min(0).max(2_147_483_647)

export const SaveQuestionsInputSchema = z.object({
  id: IdSchema,
  expectedVersion: ListVersionSchema.optional(),
  questions: z.array(QuestionInputSchema).max(20, { message: 'At most 20 questions.' }),
})
export type SaveQuestionsInput = z.infer<typeof SaveQuestionsInputSchema>

export const TaskInputSchema = z.object({
  id: IdSchema.optional(),
  what: TitleSchema.max(500, { message: 'At most 500 characters.' }),
  who: ShortTextSchema.default(''),
  dueDate: IsoDateSchema.nullable().default(null),
  location: ShortTextSchema.default(''),
  done: z.boolean().default(false),
})
export type TaskInput = z.infer<typeof TaskInputSchema>
export const SaveTasksInputSchema = z.object({
  id: IdSchema,
  expectedVersion: ListVersionSchema.optional(),
  tasks: z.array(TaskInputSchema).max(50, { message: 'At most 50 tasks.' }),
})
export type SaveTasksInput = z.infer<typeof SaveTasksInputSchema>

export const LinkedMeasureInputSchema = z.object({
  measureId: IdSchema,
  studentGroupId: IdSchema.nullable().default(null),
  expectedDirection: z.enum(DIRECTIONS),
  operationalDefinition: DescriptionSchema.default(''),
  collectedBy: ShortTextSchema.default(''),
  collectionSchedule: ShortTextSchema.default(''),
  analysedBy: ShortTextSchema.default(''),
  qualitativeData: DescriptionSchema.default(''),
})
export type LinkedMeasureInput = z.infer<typeof LinkedMeasureInputSchema>
export const SaveLinkedMeasuresInputSchema = z
  .object({
    id: IdSchema,
    expectedVersion: ListVersionSchema.optional(),
    measures: z.array(LinkedMeasureInputSchema).max(10, { message: 'At most 10 measures.' }),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>()
    v.measures.forEach((m, i) => {
      if (seen.has(m.measureId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['measures', i, 'measureId'],
          message: 'This measure is linked twice.',
        })
      }
      seen.add(m.measureId)
    })
  })
export type SaveLinkedMeasuresInput = z.infer<typeof SaveLinkedMeasuresInputSchema>

export const TransitionCycleInputSchema = z.object({
  id: IdSchema,
  to: z.enum(CYCLE_STAGES),
  /** Moving to Do: the day the test really started (default: today). */
  actualStart: IsoDateSchema.optional(),
  /** Moving to Study: the day the test really ended (default: today). */
  actualEnd: IsoDateSchema.optional(),
})
export type TransitionCycleInput = z.infer<typeof TransitionCycleInputSchema>

export const MoveCycleBackInputSchema = z.object({
  id: IdSchema,
  /** The stage the cycle is in now (a move back is refused if someone moved it meanwhile). */
  from: z.enum(CYCLE_STAGES),
  reason: TextSchema.trim()
    .min(10, { message: 'Say why the cycle goes back (at least 10 characters).' })
    .max(2000, { message: 'At most 2,000 characters.' }),
})
export type MoveCycleBackInput = z.infer<typeof MoveCycleBackInputSchema>

export const ListCyclesInputSchema = z.object({
  teamId: IdSchema.optional(),
  goalId: IdSchema.optional(),
  changeIdeaId: IdSchema.optional(),
  stage: z.enum(CYCLE_STAGES).optional(),
})
export type ListCyclesInput = z.infer<typeof ListCyclesInputSchema>

/** How many completed cycles the board shows (the most recent first) unless asked for more. */
export const BOARD_COMPLETE_SHOWN = 8
/** The most completed cycles one board request returns. */
export const BOARD_COMPLETE_MAX = 500
export const CycleBoardInputSchema = z.object({
  teamId: IdSchema,
  completeShown: z
    .number()
    .int()
    .min(1, { message: 'At least 1.' })
    .max(BOARD_COMPLETE_MAX, { message: `At most ${BOARD_COMPLETE_MAX}.` })
    .optional(),
})
export type CycleBoardInput = z.infer<typeof CycleBoardInputSchema>

/** What the cycle forms offer for a team: its goals, change ideas, members, drivers, measures, groups. */
export const CycleFormOptionsInputSchema = z.object({ teamId: IdSchema })
export type CycleFormOptionsInput = z.infer<typeof CycleFormOptionsInputSchema>

export const CycleSnapshotsInputSchema = z.object({ cycleId: IdSchema })
export type CycleSnapshotsInput = z.infer<typeof CycleSnapshotsInputSchema>
