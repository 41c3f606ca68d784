import { z } from 'zod'
import { CADENCES, CHART_TYPES, MEASURE_ACCUMULATIONS, MEASURE_FAMILIES, MEASURE_UNITS } from '../enums.ts'
import {
  DescriptionSchema,
  IdSchema,
  IsoDateSchema,
  MeasureNumberSchema,
  ShortTextSchema,
  TextSchema,
  TitleSchema,
} from './common.ts'

export const CreateMeasureInputSchema = z.object({
  /** null: the district library (leaders and admins); a school: that school's own measure. */
  schoolId: IdSchema.nullable().default(null),
  code: TextSchema.trim()
    .min(1, { message: 'Required.' })
    .max(40, { message: 'At most 40 characters.' })
    .regex(/^[A-Za-z0-9_.-]+$/, { message: 'Letters, digits, ., - and _ only.' }),
  name: TitleSchema,
  description: DescriptionSchema.default(''),
  family: z.enum(MEASURE_FAMILIES),
  unit: z.enum(MEASURE_UNITS),
  numeratorDefinition: ShortTextSchema.default(''),
  denominatorDefinition: ShortTextSchema.default(''),
  higherIsBetter: z.boolean(),
  cadence: z.enum(CADENCES),
  /** period: each value describes its own period; to_date: cumulative since the school year started. */
  accumulation: z.enum(MEASURE_ACCUMULATIONS).default('period'),
  /** Defaults from the unit (percent → p, rate → u, count → c, score/days → i). */
  chartType: z.enum(CHART_TYPES).optional(),
  /** Defaults to 100 for percent, 1 otherwise. */
  multiplier: z.number().positive({ message: 'Must be positive.' }).max(1_000_000).optional(),
  isAdverseEvent: z.boolean().default(false),
})
export type CreateMeasureInput = z.infer<typeof CreateMeasureInputSchema>

export const UpdateMeasureInputSchema = z.object({
  id: IdSchema,
  name: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  family: z.enum(MEASURE_FAMILIES).optional(),
  numeratorDefinition: ShortTextSchema.optional(),
  denominatorDefinition: ShortTextSchema.optional(),
  higherIsBetter: z.boolean().optional(),
  cadence: z.enum(CADENCES).optional(),
  /** May change while the measure has data (a definition was wrong); the change is audited. */
  accumulation: z.enum(MEASURE_ACCUMULATIONS).optional(),
  chartType: z.enum(CHART_TYPES).optional(),
  isAdverseEvent: z.boolean().optional(),
  archived: z.boolean().optional(),
})
export type UpdateMeasureInput = z.infer<typeof UpdateMeasureInputSchema>

export const ListMeasuresInputSchema = z
  .object({
    /** Measures usable at this school: the district library and the school's own. */
    schoolId: IdSchema.optional(),
    includeArchived: z.boolean().default(false),
    /** district: the library only; school: schools' own measures only. */
    scope: z.enum(['district', 'school']).optional(),
    family: z.enum(MEASURE_FAMILIES).optional(),
    unit: z.enum(MEASURE_UNITS).optional(),
    cadence: z.enum(CADENCES).optional(),
    accumulation: z.enum(MEASURE_ACCUMULATIONS).optional(),
    search: TextSchema.trim().max(100, { message: 'At most 100 characters.' }).optional(),
  })
  .prefault({})
export type ListMeasuresInput = z.infer<typeof ListMeasuresInputSchema>

/** One observation as entered: a value, or a numerator over a denominator. */
export const ObservationValueSchema = z
  .object({
    studentGroupId: IdSchema,
    period: IsoDateSchema,
    value: MeasureNumberSchema.nullable().default(null),
    numerator: MeasureNumberSchema.min(0, { message: 'Not negative.' }).nullable().default(null),
    denominator: MeasureNumberSchema.positive({ message: 'Must be above 0.' }).nullable().default(null),
  })
  .superRefine((o, ctx) => {
    if (o.value === null && (o.numerator === null || o.denominator === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'Give a value, or a numerator and a denominator.',
      })
    }
    if ((o.numerator === null) !== (o.denominator === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [o.numerator === null ? 'numerator' : 'denominator'],
        message: 'A numerator needs its denominator, and the other way round.',
      })
    }
  })
export type ObservationValue = z.infer<typeof ObservationValueSchema>

export const SaveObservationsInputSchema = z.object({
  measureId: IdSchema,
  schoolId: IdSchema,
  observations: z.array(ObservationValueSchema).min(1).max(5000, { message: 'At most 5,000 rows at once.' }),
})
export type SaveObservationsInput = z.infer<typeof SaveObservationsInputSchema>

export const ListObservationsInputSchema = z
  .object({
    measureId: IdSchema,
    schoolId: IdSchema,
    studentGroupIds: z.array(IdSchema).max(50).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    /** Only the most recent N periods that have data (the page's table shows 12, not years of weeks). */
    latestPeriods: z.number().int().min(1).max(1000).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end is before the start.',
  })
export type ListObservationsInput = z.infer<typeof ListObservationsInputSchema>

export const DeleteObservationsInputSchema = z.object({
  ids: z
    .array(IdSchema)
    .min(1, { message: 'Choose at least one observation.' })
    .max(500, { message: 'At most 500 observations at once.' }),
})
export type DeleteObservationsInput = z.infer<typeof DeleteObservationsInputSchema>
