import { type Actor, ROLE_LABELS } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { assertAdmin } from './admin.ts'

/** Every user of the district with their roles (never their password), by name. */
export async function listUsers({ db, actor }: { db: DbTx; actor: Actor }) {
  assertAdmin(actor, 'see the user list')
  const users = await db.user.findMany({
    where: { districtId: actor.districtId },
    select: {
      id: true,
      email: true,
      name: true,
      title: true,
      deactivatedAt: true,
      awaitingApprovalSince: true,
      lastLoginAt: true,
      createdAt: true,
      memberships: {
        select: {
          id: true,
          role: true,
          school: { select: { id: true, name: true } },
          team: { select: { id: true, name: true, archivedAt: true } },
        },
        orderBy: { createdAt: 'asc' },
      },
    },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    take: 5000,
  })
  return users.map(({ memberships, deactivatedAt, awaitingApprovalSince, ...u }) => ({
    ...u,
    deactivated: deactivatedAt !== null,
    /** Made by a first single sign-on; reactivating approves it. */
    awaitingApproval: awaitingApprovalSince !== null,
    isSelf: u.id === actor.userId,
    roles: memberships.map((m) => ({
      membershipId: m.id,
      role: m.role,
      roleLabel: ROLE_LABELS[m.role],
      school: m.school,
      team: m.team ? { id: m.team.id, name: m.team.name, archived: m.team.archivedAt !== null } : null,
    })),
  }))
}
export type UserListItem = Awaited<ReturnType<typeof listUsers>>[number]
