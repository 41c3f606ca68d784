import type { TRPCRouterRecord } from '@trpc/server'
import { create } from './create.ts'
import { list } from './list.ts'
import { resend } from './resend.ts'
import { revoke } from './revoke.ts'
import { setTemporaryPassword } from './set-temporary-password.ts'

/** Getting people into their accounts: invitations, and the admin's temporary password (ADR 029). */
export const invitationRouter = {
  list,
  create,
  resend,
  revoke,
  setTemporaryPassword,
} satisfies TRPCRouterRecord
