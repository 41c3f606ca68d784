// What importing would do to each checked row: insert it (new), change a stored value (changed), or
// nothing (unchanged). One set-based query per chunk: the file's keys joined to the stored rows.
import type { DbTx } from '../../db/client.ts'
import type { CheckedRow } from './check-rows.ts'
import { pgArray } from './pg-array.ts'

export const ROW_NEW = 0
export const ROW_CHANGED = 1
export const ROW_UNCHANGED = 2

const CHUNK = 20_000

interface StoredValue {
  i: bigint | number
  value: number
  numerator: number | null
  denominator: number | null
}

/** One status per row (ROW_NEW, ROW_CHANGED or ROW_UNCHANGED), in the rows' order. */
export async function compareWithStored(
  db: DbTx,
  districtId: string,
  rows: readonly CheckedRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const statuses = new Uint8Array(rows.length)
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const stored = await db.$queryRaw<StoredValue[]>`
      SELECT k.i, o."value", o."numerator", o."denominator"
      FROM unnest(
        ${pgArray(chunk.map((r) => r.measureId))}::text::uuid[],
        ${pgArray(chunk.map((r) => r.schoolId))}::text::uuid[],
        ${pgArray(chunk.map((r) => r.studentGroupId))}::text::uuid[],
        ${pgArray(chunk.map((r) => r.period))}::text::date[]
      ) WITH ORDINALITY AS k("measureId", "schoolId", "studentGroupId", "period", i)
      JOIN "Observation" o
        ON o."measureId" = k."measureId" AND o."schoolId" = k."schoolId"
       AND o."studentGroupId" = k."studentGroupId" AND o."period" = k."period"
      WHERE o."districtId" = ${districtId}::uuid`
    for (const s of stored) {
      const index = start + Number(s.i) - 1
      const row = rows[index] as CheckedRow
      const same = s.value === row.value && s.numerator === row.numerator && s.denominator === row.denominator
      statuses[index] = same ? ROW_UNCHANGED : ROW_CHANGED
    }
    onProgress?.(Math.min(start + CHUNK, rows.length), rows.length)
  }
  return statuses
}
