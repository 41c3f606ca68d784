// The stored rows of (measure, school) series for the release: their row versions (one aggregate query)
// and their cells (one query for any number of series).
import type { DbTx } from '../../db/client.ts'
import { Prisma } from '../../db/generated/client.ts'
import { toIsoDate } from '../shared.ts'
import type { RawTable } from './release-decision.ts'

interface SeriesKey {
  measureId: string
  schoolId: string
}

const keyOf = (k: SeriesKey) => `${k.measureId}:${k.schoolId}`

/**
 * Per series: row count, latest update and the sums of values, numerators and denominators, as one text
 * that changes whenever a row of the series does. One aggregate query (a VALUES list of the pairs is about
 * twice as fast on PostgreSQL as Prisma's OR of pairs). The sums are taken as numeric: a float sum depends on
 * the order PostgreSQL reads the rows in, so its last digits moved between identical requests and every
 * series with fractional values was decided again after any change (alignment after a change 879 → 231 ms).
 */
export async function rowVersions(db: DbTx, districtId: string, keys: readonly SeriesKey[]) {
  if (keys.length === 0) return new Map<string, string>()
  const pairs = Prisma.join(keys.map((k) => Prisma.sql`(${k.measureId}::uuid, ${k.schoolId}::uuid)`))
  const rows = await db.$queryRaw<
    { measureId: string; schoolId: string; version: string }[]
  >`SELECT "measureId"::text AS "measureId", "schoolId"::text AS "schoolId",
      concat_ws(':', count(*), floor(extract(epoch FROM max("updatedAt")) * 1000), sum(value::numeric),
        coalesce(sum(denominator::numeric), 0), coalesce(sum(numerator::numeric), 0)) AS version
    FROM "Observation"
    WHERE "districtId" = ${districtId}::uuid AND ("measureId", "schoolId") IN (VALUES ${pairs})
    GROUP BY "measureId", "schoolId"`
  return new Map(rows.map((r) => [keyOf(r), r.version]))
}

/** Every cell of the series, period → group id → cell. */
export async function loadRawTables(db: DbTx, districtId: string, keys: readonly SeriesKey[]) {
  const tables = new Map<string, RawTable>()
  if (keys.length === 0) return tables
  const rows = await db.observation.findMany({
    where: { districtId, OR: keys.map((k) => ({ measureId: k.measureId, schoolId: k.schoolId })) },
    select: {
      measureId: true,
      schoolId: true,
      studentGroupId: true,
      period: true,
      value: true,
      numerator: true,
      denominator: true,
    },
  })
  for (const r of rows) {
    const key = keyOf(r)
    const table: RawTable = tables.get(key) ?? new Map()
    tables.set(key, table)
    const period = toIsoDate(r.period)
    const cells = table.get(period) ?? new Map()
    table.set(period, cells)
    cells.set(r.studentGroupId, { value: r.value, numerator: r.numerator, denominator: r.denominator })
  }
  return tables
}
