// Bulk insert of observations: one INSERT … SELECT FROM unnest(column arrays) per batch. Prisma's
// createMany costs about 1 ms per observation row on PGlite (the query compiler handles every value);
// sending each column as one array parameter is 3–4× faster and keeps the batch in one statement.
import type { PrismaClient } from '../../server/db/generated/client.ts'
import type { ObservationRow } from './rows.ts'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

export async function insertObservationBatch(tx: Tx, rows: readonly ObservationRow[]): Promise<number> {
  const column = <K extends keyof ObservationRow>(key: K) => rows.map((r) => r[key])
  return tx.$executeRaw`
    INSERT INTO "Observation"
      ("id", "districtId", "measureId", "schoolId", "studentGroupId", "period", "value", "numerator", "denominator",
       "source", "createdAt", "updatedAt")
    SELECT id, district_id, measure_id, school_id, group_id, period, value, numerator, denominator,
           'seed', entered_at, entered_at
    FROM unnest(
      ${column('id')}::uuid[], ${column('districtId')}::uuid[], ${column('measureId')}::uuid[],
      ${column('schoolId')}::uuid[], ${column('studentGroupId')}::uuid[], ${column('period')}::date[],
      ${column('value')}::float8[], ${column('numerator')}::float8[], ${column('denominator')}::float8[],
      ${column('enteredAt')}::timestamp(3)[]
    ) AS t(id, district_id, measure_id, school_id, group_id, period, value, numerator, denominator, entered_at)`
}
