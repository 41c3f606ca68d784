import { z } from 'zod'
import { IdSchema, TextSchema } from './common.ts'

export const CreateCommentInputSchema = z
  .object({
    cycleId: IdSchema.nullable().default(null),
    goalId: IdSchema.nullable().default(null),
    /** A reply to this comment (answers feedback that requires a response). */
    parentId: IdSchema.nullable().default(null),
    body: TextSchema.trim()
      .min(1, { message: 'Write something.' })
      .max(10_000, { message: 'At most 10,000 characters.' }),
    requiresResponse: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.cycleId === !v.goalId) {
      ctx.addIssue({ code: 'custom', path: ['cycleId'], message: 'A comment is on a cycle or on a goal.' })
    }
    if (v.parentId && v.requiresResponse) {
      ctx.addIssue({
        code: 'custom',
        path: ['requiresResponse'],
        message: 'A reply cannot itself require a response.',
      })
    }
  })
export type CreateCommentInput = z.infer<typeof CreateCommentInputSchema>

export const ListCommentsInputSchema = z
  .object({ cycleId: IdSchema.optional(), goalId: IdSchema.optional() })
  .refine((v) => !v.cycleId !== !v.goalId, {
    path: ['cycleId'],
    message: 'List the comments of a cycle or of a goal.',
  })
export type ListCommentsInput = z.infer<typeof ListCommentsInputSchema>
