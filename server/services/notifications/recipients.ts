// Who a notification about a team's or a school's work goes to. notify() then keeps only those who may
// open the target, so these may over-approximate.
import type { DbTx } from '../../db/client.ts'

/** The team's editors (team lead and members): "the cycle's team". */
export async function teamEditorIds(db: DbTx, teamId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { teamId, role: { in: ['team_lead', 'team_member'] } },
    select: { userId: true },
  })
  return [...new Set(rows.map((r) => r.userId))]
}

/**
 * The coaches of a school's work (coaches of the school, of one of its teams, or of the whole district)
 * and the district leaders and admins who follow the school.
 */
export async function schoolWatcherIds(
  db: DbTx,
  districtId: string,
  schoolId: string,
  teamId: string | null = null,
): Promise<string[]> {
  const [coaches, followers] = await Promise.all([
    db.membership.findMany({
      where: {
        districtId,
        role: 'coach',
        OR: [
          { schoolId: null, teamId: null },
          { schoolId, teamId: null },
          teamId ? { teamId } : { team: { schoolId } },
        ],
      },
      select: { userId: true },
    }),
    db.schoolFollow.findMany({ where: { districtId, schoolId }, select: { userId: true } }),
  ])
  return [...new Set([...coaches, ...followers].map((r) => r.userId))]
}

/** The people of the district one can @mention: active users (notify() checks they may open the target). */
export async function mentionablePeople(db: DbTx, districtId: string) {
  return db.user.findMany({
    where: { districtId, deactivatedAt: null },
    select: { id: true, name: true },
  })
}
