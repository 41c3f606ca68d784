import { CYCLE_STAGES, type CycleStage } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'

export type StageCounts = Record<CycleStage, number>

export const emptyStageCounts = (): StageCounts =>
  Object.fromEntries(CYCLE_STAGES.map((s) => [s, 0])) as StageCounts

/** Cycles per team and stage, in one grouped query. Teams without cycles are absent from the map. */
export async function countCyclesByTeamAndStage(
  db: DbTx,
  where: Prisma.PdsaCycleWhereInput & { districtId: string },
): Promise<Map<string, StageCounts>> {
  const rows = await db.pdsaCycle.groupBy({ by: ['teamId', 'stage'], where, _count: { _all: true } })
  const counts = new Map<string, StageCounts>()
  for (const row of rows) {
    const entry = counts.get(row.teamId) ?? emptyStageCounts()
    entry[row.stage] = row._count._all
    counts.set(row.teamId, entry)
  }
  return counts
}
