import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../db/client.ts'

/** The user with every role they hold, or null when the user does not exist or is deactivated. */
export async function loadActor(db: DbTx, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      districtId: true,
      name: true,
      email: true,
      deactivatedAt: true,
      memberships: { select: { role: true, schoolId: true, teamId: true } },
    },
  })
  if (!user || user.deactivatedAt) return null
  return {
    userId: user.id,
    districtId: user.districtId,
    name: user.name,
    email: user.email,
    grants: user.memberships,
  }
}
