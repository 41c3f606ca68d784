// The demo district's Outbox (ADR 029): real invitations and a password reset made through the same
// services people use, kept in the outbox (the demo has no SMTP server) so the demo shows its emails.
import { createPasswordResetLimiter } from '../../server/auth/rate-limit.ts'
import type { PrismaClient } from '../../server/db/generated/client.ts'
import { createEmailSender } from '../../server/email/email-sender.ts'
import { setPasswordFromLink } from '../../server/services/accounts/account-link.ts'
import { hashAccountToken } from '../../server/services/accounts/account-links.ts'
import { inviteUser } from '../../server/services/accounts/invite-user.ts'
import { requestPasswordReset } from '../../server/services/accounts/request-password-reset.ts'
import { loadActor } from '../../server/services/actor.ts'

const ADMIN_EMAIL = 'dana.fischer@riverbend.example'
const RESET_EMAIL = 'carmen.reyes@riverbend.example'

export async function seedDemoOutbox(
  db: PrismaClient,
  districtId: string,
  publicUrl: string,
): Promise<number> {
  const admin = await db.user.findFirstOrThrow({
    where: { districtId, email: ADMIN_EMAIL },
    select: { id: true },
  })
  const actor = await loadActor(db, admin.id)
  if (!actor) throw new Error('demo admin has no actor')
  const team = await db.team.findFirstOrThrow({
    where: { districtId, archivedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true },
  })
  const now = new Date()
  // A counselor who accepted (her link was used), and a new team member still to accept.
  const accepted = await inviteUser({
    db,
    actor,
    now,
    publicUrl,
    email: 'tomas.lindqvist@riverbend.example',
    name: 'Tomás Lindqvist',
    title: 'Counselor',
    role: 'team_member',
    teamId: team.id,
  })
  await inviteUser({
    db,
    actor,
    now,
    publicUrl,
    email: 'ines.delacroix@riverbend.example',
    name: 'Inès Delacroix',
    title: 'Assistant principal',
    role: 'team_lead',
    teamId: team.id,
  })
  const email = await db.emailMessage.findFirstOrThrow({
    where: { idempotencyKey: `invitation:${accepted.invitationId}` },
    select: { text: true },
  })
  const token = /\/welcome\/([A-Za-z0-9_-]+)/.exec(email.text)?.[1]
  const link = token ? await db.authToken.findUnique({ where: { tokenHash: hashAccountToken(token) } }) : null
  if (token && link) {
    const password = 'pdsa-demo-2026'
    await setPasswordFromLink({
      db,
      session: { ttlHours: 1, secret: 'demo-seed-only-session-secret-0000000000', secureCookies: false },
      input: { token, password, confirmPassword: password },
      meta: { ip: '127.0.0.1', userAgent: 'demo seed' },
      now,
    })
    await db.session.deleteMany({ where: { userId: link.userId } })
  }
  await requestPasswordReset({
    db,
    limiter: createPasswordResetLimiter(),
    input: { email: RESET_EMAIL },
    meta: { ip: '127.0.0.1' },
    now,
    publicUrl,
    minimumMs: 0,
  })
  const sender = createEmailSender({
    db,
    transport: null,
    from: 'PDSA Tracker <no-reply@localhost.localdomain>',
  })
  let delivered = 0
  for (let n = await sender.runOnce(); n > 0; n = await sender.runOnce()) delivered += n
  return delivered
}
