// Invitations, temporary passwords and the outbox (ADR 029): district admins only, own district only.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../server/db/client.ts'
import { enqueueEmail } from '../../../server/email/enqueue-email.ts'
import { issueAccountToken } from '../../../server/services/accounts/account-links.ts'
import type { World } from '../../factories/index.ts'
import { insertUser } from '../../factories/index.ts'
import type { ActorKey, AuthzCase } from './types.ts'

const admins: ActorKey[] = ['admin']
const fresh = () => randomUUID().slice(0, 8)

/** A pending invitation of the world's district (a user who never signed in, with a live link). */
async function pendingInvitation(w: World, db: Db) {
  const user = await insertUser(db, w.district.id, [{ role: 'viewer' }])
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: null } })
  const link = await db.$transaction((tx) =>
    issueAccountToken(tx, {
      districtId: w.district.id,
      userId: user.id,
      kind: 'invitation',
      createdById: null,
      now: new Date(),
    }),
  )
  return { invitationId: link.id }
}

async function anEmail(w: World, db: Db) {
  const { id } = await db.$transaction((tx) =>
    enqueueEmail(tx, {
      districtId: w.district.id,
      to: `authz-${fresh()}@example.test`,
      template: 'password_reset',
      props: { name: 'Authz', actionUrl: 'https://pdsa.test/x', expiresAt: null },
      category: 'account',
      idempotencyKey: `authz-${randomUUID()}`,
      publicUrl: 'https://pdsa.test',
    }),
  )
  return { id }
}

export const accountCases: AuthzCase[] = [
  { path: 'invitation.list', input: () => undefined, allow: admins, ownDistrictOnly: true },
  {
    path: 'invitation.create',
    input: () => ({ email: `invitee-${fresh()}@example.test`, name: 'New Person', role: 'viewer' }),
    allow: admins,
    ownDistrictOnly: true,
  },
  { path: 'invitation.resend', input: pendingInvitation, allow: admins },
  { path: 'invitation.revoke', input: pendingInvitation, allow: admins },
  {
    path: 'invitation.setTemporaryPassword',
    input: async (w, db) => ({
      userId: (await insertUser(db, w.district.id, [])).id,
      password: 'a temporary password',
    }),
    allow: admins,
  },
  { path: 'outbox.list', input: () => ({}), allow: admins, ownDistrictOnly: true },
  { path: 'outbox.byId', input: anEmail, allow: admins },
]
