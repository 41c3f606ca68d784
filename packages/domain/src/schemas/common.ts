import { z } from 'zod'

export const IdSchema = z.uuid({ message: 'Must be a valid id.' })
export const ByIdInputSchema = z.object({ id: IdSchema })
export type ByIdInput = z.infer<typeof ByIdInputSchema>

/**
 * Text no column can hold: a NUL character (PostgreSQL refuses it in text) or half of a UTF-16 surrogate
 * pair (no Unicode character; it turns into U+FFFD or an encoding error on its way to the database).
 * Neither can be typed; both come from broken clients, bad copies or attacks (docs/decisions/021-input-hygiene.md).
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether a text can be stored as it is: no NUL character and no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text)
}

export const UNSTORABLE_TEXT_MESSAGE =
  'Contains a character that cannot be saved (a NUL character or a broken emoji): remove it and try again.'

/** Every free-text input starts here: a string the database can store (see isStorableText). */
export const TextSchema = z
  .string({ message: 'Must be text.' })
  .refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE })

export const TitleSchema = TextSchema.trim()
  .min(1, { message: 'Required.' })
  .max(200, { message: 'At most 200 characters.' })
export const ShortTextSchema = TextSchema.trim().max(500, { message: 'At most 500 characters.' })
export const DescriptionSchema = TextSchema.trim().max(4000, { message: 'At most 4,000 characters.' })
/** Narrative worksheet text (plain text of one section). */
export const LongTextSchema = TextSchema.max(50_000, { message: 'At most 50,000 characters.' })

/** A calendar date, YYYY-MM-DD, between 2000 and 2100. */
export const IsoDateSchema = z.iso
  .date({ message: 'Must be a date (YYYY-MM-DD).' })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'Must be between 2000 and 2100.' })

export const FiniteNumberSchema = z
  .number({ message: 'Must be a number.' })
  .finite({ message: 'Must be a finite number.' })

/**
 * No figure of a school measure comes near a billion (students, days, events, percents, rates): anything
 * beyond is a slip or an attack, and ±1e308 would break every sum and chart (docs/decisions/021-input-hygiene.md).
 */
export const MEASURE_VALUE_LIMIT = 1_000_000_000
const OUT_OF_RANGE = { message: 'Must be between -1,000,000,000 and 1,000,000,000.' }

/** A figure on a measure's scale (value, numerator, baseline, target, prediction); its unit's own range is checked where the measure is known. */
export const MeasureNumberSchema = FiniteNumberSchema.min(-MEASURE_VALUE_LIMIT, OUT_OF_RANGE).max(
  MEASURE_VALUE_LIMIT,
  OUT_OF_RANGE,
)

export const EmailSchema = TextSchema.trim()
  .toLowerCase()
  .max(254, { message: 'At most 254 characters.' })
  .pipe(z.email({ message: 'Must be an email address.' }))

export const PaginationSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: TextSchema.max(100).optional(),
})
