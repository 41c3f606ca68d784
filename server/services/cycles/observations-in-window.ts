import type { DbTx } from '../../db/client.ts'
import { Prisma } from '../../db/generated/client.ts'

/**
 * For each cycle, how many observations of its linked measures at its school fall inside its window
 * ((actual, else planned) start through end + lag days; any student group) — in one query for any number
 * of cycles. Cycles without linked measures are absent from the map (the method check reads 0).
 */
export async function observationsInWindow(
  db: DbTx,
  districtId: string,
  cycleIds: readonly string[],
): Promise<Map<string, number>> {
  if (cycleIds.length === 0) return new Map()
  const rows = await db.$queryRaw<{ cycleId: string; n: number }[]>`
    SELECT c.id::text AS "cycleId", COUNT(DISTINCT o.id)::int AS n
    FROM "PdsaCycle" c
    JOIN "CycleMeasure" cm ON cm."cycleId" = c.id
    LEFT JOIN "Observation" o
      ON o."measureId" = cm."measureId"
      AND o."schoolId" = c."schoolId"
      AND o.period >= COALESCE(c."actualStart", c."plannedStart")
      AND o.period <= GREATEST(COALESCE(c."actualEnd", c."plannedEnd"), COALESCE(c."actualStart", c."plannedStart")) + c."lagDays"
    WHERE c."districtId" = ${districtId}::uuid
      AND c.id IN (${Prisma.join(cycleIds.map((id) => Prisma.sql`${id}::uuid`))})
    GROUP BY c.id`
  return new Map(rows.map((r) => [r.cycleId, Number(r.n)]))
}
