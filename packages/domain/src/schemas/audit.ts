import { z } from 'zod'
import { IdSchema, IsoDateSchema, TextSchema } from './common.ts'

/** The audit log, newest first; `cursor` is the id of the last event of the previous page. */
export const ListAuditEventsInputSchema = z
  .object({
    actorId: IdSchema.optional(),
    entityType: TextSchema.trim().max(60, { message: 'At most 60 characters.' }).optional(),
    action: TextSchema.trim().max(80, { message: 'At most 80 characters.' }).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    limit: z.number().int().min(1).max(100, { message: 'At most 100 events per page.' }).default(50),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, { message: 'Must be an event id.' })
      .optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end is before the start.',
  })
export type ListAuditEventsInput = z.infer<typeof ListAuditEventsInputSchema>
