import type { Cadence, LinkedMeasureCadence } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { Prisma } from '../../db/generated/client.ts'

/**
 * The name and cadence of every measure linked to each cycle (what the slow-cadence method check reads),
 * in one query for any number of cycles — a nested Prisma select would add one query per relation level,
 * and only when rows exist. Cycles without linked measures are absent from the map.
 */
export async function linkedMeasureCadences(
  db: DbTx,
  districtId: string,
  cycleIds: readonly string[],
): Promise<Map<string, LinkedMeasureCadence[]>> {
  if (cycleIds.length === 0) return new Map()
  const rows = await db.$queryRaw<{ cycleId: string; name: string; cadence: Cadence }[]>`
    SELECT cm."cycleId"::text AS "cycleId", m.name, m.cadence::text AS cadence
    FROM "CycleMeasure" cm
    JOIN "Measure" m ON m.id = cm."measureId"
    WHERE m."districtId" = ${districtId}::uuid
      AND cm."cycleId" IN (${Prisma.join(cycleIds.map((id) => Prisma.sql`${id}::uuid`))})
    ORDER BY m.name`
  const byCycle = new Map<string, LinkedMeasureCadence[]>()
  for (const { cycleId, name, cadence } of rows) {
    const list = byCycle.get(cycleId) ?? []
    list.push({ name, cadence })
    byCycle.set(cycleId, list)
  }
  return byCycle
}
