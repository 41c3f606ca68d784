// Shared by the administration services: the admin check, and the rule that a district always keeps
// at least one active admin (checked under a lock on the district row, so two admins removing each
// other at the same moment cannot both succeed).
import { type Actor, canAdministerDistrict, DomainError } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { assertAllowed } from '../shared.ts'

export function assertAdmin(actor: Actor, what = 'manage the district'): void {
  assertAllowed(canAdministerDistrict(actor), `Only district admins can ${what}.`)
}

/** Serialises changes to who administers the district (call inside the transaction). */
export async function lockDistrict(tx: DbTx, districtId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "District" WHERE id = ${districtId}::uuid FOR UPDATE`
}

/** Active users holding the district-wide admin role, other than `exceptUserId`. */
export async function countOtherActiveAdmins(
  tx: DbTx,
  districtId: string,
  except: { userId?: string; membershipId?: string },
): Promise<number> {
  return tx.membership.count({
    where: {
      districtId,
      role: 'admin',
      schoolId: null,
      teamId: null,
      user: { deactivatedAt: null },
      ...(except.userId ? { userId: { not: except.userId } } : {}),
      ...(except.membershipId ? { id: { not: except.membershipId } } : {}),
    },
  })
}

export const LAST_ADMIN_MESSAGE =
  'This is the district’s last active admin. Make someone else an admin first, so the district is never left without one.'

export function conflict(field: string, message: string): DomainError {
  return new DomainError('CONFLICT', `${field}: ${message}`, { fieldErrors: { [field]: [message] } })
}
