import { z } from 'zod'

export const IdSchema = z.uuid({ message: 'Must be a valid id.' })
export const ByIdInputSchema = z.object({ id: IdSchema })
export type ByIdInput = z.infer<typeof ByIdInputSchema>

export const TitleSchema = z
  .string()
  .trim()
  .min(1, { message: 'Required.' })
  .max(200, { message: 'At most 200 characters.' })
export const ShortTextSchema = z.string().trim().max(500, { message: 'At most 500 characters.' })
export const DescriptionSchema = z.string().trim().max(4000, { message: 'At most 4,000 characters.' })
/** Narrative worksheet text (plain text of one section). */
export const LongTextSchema = z.string().max(50_000, { message: 'At most 50,000 characters.' })

/** A calendar date, YYYY-MM-DD, between 2000 and 2100. */
export const IsoDateSchema = z.iso
  .date({ message: 'Must be a date (YYYY-MM-DD).' })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'Must be between 2000 and 2100.' })

export const FiniteNumberSchema = z
  .number({ message: 'Must be a number.' })
  .finite({ message: 'Must be a finite number.' })

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'At most 254 characters.' })
  .pipe(z.email({ message: 'Must be an email address.' }))

export const PaginationSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
})
