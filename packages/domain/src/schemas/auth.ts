import { z } from 'zod'
import { EmailSchema, TextSchema } from './common.ts'

export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: TextSchema.min(1, { message: 'Enter your password.' }).max(200, {
    message: 'At most 200 characters.',
  }),
})
export type SignInInput = z.infer<typeof SignInInputSchema>

/** New passwords: long enough to resist guessing, short enough to hash quickly. */
export const NewPasswordSchema = TextSchema.min(12, { message: 'At least 12 characters.' }).max(200, {
  message: 'At most 200 characters.',
})
