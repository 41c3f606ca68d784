import { z } from 'zod'
import { ROLES } from '../roles.ts'
import { NewPasswordSchema } from './auth.ts'
import { EmailSchema, IdSchema, ShortTextSchema, TextSchema, TitleSchema } from './common.ts'

/** An admin invites someone by email, with the role (and the team for team roles) they will hold. */
export const InviteUserInputSchema = z
  .object({
    email: EmailSchema,
    name: TitleSchema,
    title: ShortTextSchema.default(''),
    role: z.enum(ROLES),
    teamId: IdSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const teamRole = v.role === 'team_lead' || v.role === 'team_member' || v.role === 'coach'
    if (teamRole && !v.teamId) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Choose the team this role is on.' })
    }
    if (!teamRole && v.teamId) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'This role is district-wide: no team.' })
    }
  })
export type InviteUserInput = z.infer<typeof InviteUserInputSchema>

export const InvitationByIdInputSchema = z.object({ invitationId: IdSchema })
export type InvitationByIdInput = z.infer<typeof InvitationByIdInputSchema>

/** "Set a temporary password": the person must choose their own at the next sign-in. */
export const SetTemporaryPasswordInputSchema = z.object({ userId: IdSchema, password: NewPasswordSchema })
export type SetTemporaryPasswordInput = z.infer<typeof SetTemporaryPasswordInputSchema>

/** The token of a single-use link, as it appears in the URL (43 base64url characters). */
export const AccountLinkTokenSchema = TextSchema.regex(/^[A-Za-z0-9_-]{32,64}$/, {
  message: 'This link is not valid.',
})

export const ForgotPasswordInputSchema = z.object({ email: EmailSchema })
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordInputSchema>

export const SetPasswordFromLinkInputSchema = z
  .object({
    token: AccountLinkTokenSchema,
    password: NewPasswordSchema,
    confirmPassword: TextSchema.max(200),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ.',
  })
export type SetPasswordFromLinkInput = z.infer<typeof SetPasswordFromLinkInputSchema>

export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const

/** The Outbox page's filters. */
export const ListEmailsInputSchema = z.object({
  recipient: TextSchema.trim().max(254).default(''),
  template: TextSchema.trim().max(64).default(''),
  cursor: IdSchema.nullable().default(null),
})
export type ListEmailsInput = z.infer<typeof ListEmailsInputSchema>
export const EmailByIdInputSchema = z.object({ id: IdSchema })
