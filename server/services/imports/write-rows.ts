// Writing checked rows with set-based SQL: each chunk is one INSERT … SELECT FROM unnest(arrays)
// … ON CONFLICT on the observation's natural key DO UPDATE only where a value differs. Rows identical
// to the stored ones are not touched; the statement counts what it inserted and what it updated.
// The arrays travel as PostgreSQL array literals in text parameters (see pg-array.ts): binding JS arrays
// of 10,000 elements through Prisma's query engine costs about 20× more. The same statement records in
// ImportChange what it created and what each overwritten row held, so the import can be undone (ADR 031).
import type { DbTx } from '../../db/client.ts'
import type { CheckedRow } from './check-rows.ts'
import { uuidV7Batch } from './ids.ts'
import { pgArray } from './pg-array.ts'

const CHUNK = 10_000

export interface WriteTarget {
  districtId: string
  batchId: string
  actorId: string
  now: Date
}

/** Upserts the rows (chunk by chunk, inside the caller's transaction); returns what changed. */
export async function upsertRows(
  tx: DbTx,
  target: WriteTarget,
  rows: readonly CheckedRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0
  let updated = 0
  // timestamp(3) columns hold UTC wall-clock time, as Prisma writes them.
  const at = target.now.toISOString().replace('Z', '')
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const [counts] = await tx.$queryRaw<{ inserted: number; updated: number }[]>`
      WITH input AS (
        SELECT * FROM unnest(
          ${pgArray(uuidV7Batch(chunk.length, target.now.getTime()))}::text::uuid[],
          ${pgArray(chunk.map((r) => r.measureId))}::text::uuid[],
          ${pgArray(chunk.map((r) => r.schoolId))}::text::uuid[],
          ${pgArray(chunk.map((r) => r.studentGroupId))}::text::uuid[],
          ${pgArray(chunk.map((r) => r.period))}::text::date[],
          ${pgArray(chunk.map((r) => r.value))}::text::float8[],
          ${pgArray(chunk.map((r) => r.numerator))}::text::float8[],
          ${pgArray(chunk.map((r) => r.denominator))}::text::float8[]
        ) AS u("id", "measureId", "schoolId", "studentGroupId", "period", "value", "numerator", "denominator")
      ),
      -- The rows as they were before this statement (every CTE reads the same snapshot).
      prior AS (
        SELECT o."id", o."value", o."numerator", o."denominator", o."source", o."importBatchId",
               o."enteredById", o."updatedAt"
        FROM "Observation" o
        JOIN input u ON o."measureId" = u."measureId" AND o."schoolId" = u."schoolId"
          AND o."studentGroupId" = u."studentGroupId" AND o."period" = u."period"
      ),
      written AS (
        INSERT INTO "Observation" AS o (
          "id", "districtId", "measureId", "schoolId", "studentGroupId", "period",
          "value", "numerator", "denominator", "source", "importBatchId", "enteredById", "updatedAt"
        )
        SELECT u."id", ${target.districtId}::uuid, u."measureId", u."schoolId", u."studentGroupId", u."period",
               u."value", u."numerator", u."denominator", 'csv'::"ObservationSource",
               ${target.batchId}::uuid, ${target.actorId}::uuid, ${at}::timestamp(3)
        FROM input u
        ON CONFLICT ("measureId", "schoolId", "studentGroupId", "period") DO UPDATE SET
          "value" = excluded."value",
          "numerator" = excluded."numerator",
          "denominator" = excluded."denominator",
          "source" = excluded."source",
          "importBatchId" = excluded."importBatchId",
          "enteredById" = excluded."enteredById",
          "updatedAt" = excluded."updatedAt"
        WHERE (o."value", o."numerator", o."denominator")
          IS DISTINCT FROM (excluded."value", excluded."numerator", excluded."denominator")
        RETURNING o."id", (xmax = 0) AS "isInsert", o."measureId", o."schoolId", o."studentGroupId",
                  o."period", o."value", o."numerator", o."denominator"
      ),
      -- What the import did to each cell it wrote, so it can be undone (ADR 031).
      logged AS (
        INSERT INTO "ImportChange" (
          "importBatchId", "observationId", "measureId", "schoolId", "studentGroupId", "period", "created",
          "value", "numerator", "denominator", "previousValue", "previousNumerator", "previousDenominator",
          "previousSource", "previousImportBatchId", "previousEnteredById", "previousUpdatedAt"
        )
        SELECT ${target.batchId}::uuid, w."id", w."measureId", w."schoolId", w."studentGroupId", w."period",
               w."isInsert", w."value", w."numerator", w."denominator", p."value", p."numerator",
               p."denominator", p."source", p."importBatchId", p."enteredById", p."updatedAt"
        FROM written w LEFT JOIN prior p ON p."id" = w."id"
      )
      SELECT (count(*) FILTER (WHERE "isInsert"))::int AS inserted,
             (count(*) FILTER (WHERE NOT "isInsert"))::int AS updated
      FROM written`
    inserted += counts?.inserted ?? 0
    updated += counts?.updated ?? 0
    onProgress?.(Math.min(start + CHUNK, rows.length), rows.length)
  }
  return { inserted, updated }
}
