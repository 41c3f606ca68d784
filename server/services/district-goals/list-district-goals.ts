import type { Actor, ListDistrictGoalsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { districtGoalSelect, toDistrictGoalDto } from './district-goal-dto.ts'

/** The district's strategic goals; every user of the district may read them. */
export async function listDistrictGoals({
  db,
  actor,
  includeArchived,
}: { db: DbTx; actor: Actor } & ListDistrictGoalsInput) {
  const rows = await db.districtGoal.findMany({
    where: { districtId: actor.districtId, ...(includeArchived ? {} : { archivedAt: null }) },
    select: districtGoalSelect,
    orderBy: [{ code: 'asc' }],
  })
  return rows.map(toDistrictGoalDto)
}
