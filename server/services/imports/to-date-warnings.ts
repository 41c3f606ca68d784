// Warnings (not errors) for rows of year-to-date measures: within one school year a count to date grows,
// or falls a little when it counts a status that can be lost (chronic absence so far). A numerator that
// halves from one period to the next — in the file, or against the stored values — is worth a look: this
// period's counts imported as the year to date, a row of the wrong year, a lost digit
// (`unlikelyToDateDeclines`). It can still be right, so the row imports.
import {
  type ImportRowError,
  schoolYearStartDate,
  type ToDatePoint,
  unlikelyToDateDeclines,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { CheckedRow } from './check-rows.ts'
import type { ImportLookups } from './lookups.ts'
import { pgArray } from './pg-array.ts'

const CHUNK = 10_000

const seriesKey = (r: { measureId: string; schoolId: string; studentGroupId: string }) =>
  `${r.measureId}|${r.schoolId}|${r.studentGroupId}`

/** The day after the school year of `date` ends: the next school year's first day. */
function nextSchoolYear(date: string, start: string): string {
  const first = schoolYearStartDate(date, start)
  return `${String(Number(first.slice(0, 4)) + 1).padStart(4, '0')}${first.slice(4)}`
}

interface StoredPoint {
  measureId: string
  schoolId: string
  studentGroupId: string
  period: string
  numerator: number
}

/** Stored numerators of the series the rows touch, within the school years their periods fall in. */
async function storedPoints(
  db: DbTx,
  districtId: string,
  rows: readonly CheckedRow[],
  schoolYearStart: string,
): Promise<StoredPoint[]> {
  const ranges = new Map<string, { row: CheckedRow; from: string; to: string }>()
  for (const row of rows) {
    const key = seriesKey(row)
    const from = schoolYearStartDate(row.period, schoolYearStart)
    const to = nextSchoolYear(row.period, schoolYearStart)
    const range = ranges.get(key)
    if (!range) ranges.set(key, { row, from, to })
    else {
      if (from < range.from) range.from = from
      if (to > range.to) range.to = to
    }
  }
  const keys = [...ranges.values()]
  const found: StoredPoint[] = []
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK)
    const stored = await db.$queryRaw<StoredPoint[]>`
      SELECT o."measureId"::text AS "measureId", o."schoolId"::text AS "schoolId",
             o."studentGroupId"::text AS "studentGroupId", o.period::text AS period, o.numerator
      FROM unnest(
        ${pgArray(chunk.map((k) => k.row.measureId))}::text::uuid[],
        ${pgArray(chunk.map((k) => k.row.schoolId))}::text::uuid[],
        ${pgArray(chunk.map((k) => k.row.studentGroupId))}::text::uuid[],
        ${pgArray(chunk.map((k) => k.from))}::text::date[],
        ${pgArray(chunk.map((k) => k.to))}::text::date[]
      ) AS k("measureId", "schoolId", "studentGroupId", "from", "to")
      JOIN "Observation" o
        ON o."measureId" = k."measureId" AND o."schoolId" = k."schoolId"
       AND o."studentGroupId" = k."studentGroupId" AND o.period >= k."from" AND o.period < k."to"
      WHERE o."districtId" = ${districtId}::uuid AND o.numerator IS NOT NULL`
    found.push(...stored)
  }
  return found
}

const count = (n: number) => n.toLocaleString('en-US')

/**
 * One warning per file row of a year-to-date measure whose numerator is at most half the previous
 * period's in the same school year (file rows win over stored values of the same period, as the import
 * would write them), or at least twice the next period's stored value. Falls between two stored values are
 * not the file's doing and are left out. In row order.
 */
export async function toDateWarnings(
  db: DbTx,
  districtId: string,
  valid: readonly CheckedRow[],
  lookups: ImportLookups,
): Promise<ImportRowError[]> {
  const toDate = new Set(lookups.measures.items.filter((m) => m.accumulation === 'to_date').map((m) => m.id))
  const rows = valid.filter((r) => toDate.has(r.measureId) && r.numerator !== null)
  if (rows.length === 0) return []
  const stored = await storedPoints(db, districtId, rows, lookups.schoolYearStart)
  // Stored points first, file rows after: a file row replaces the stored value of its period.
  const points: ToDatePoint[] = [
    ...stored.map((s, i) => ({
      series: seriesKey(s),
      period: s.period,
      numerator: s.numerator,
      ref: -(i + 1),
    })),
    ...rows.map((r) => ({ series: seriesKey(r), period: r.period, numerator: r.numerator, ref: r.row })),
  ]
  const measures = new Map(lookups.measures.items.map((m) => [m.id, m]))
  const schools = new Map(lookups.schools.items.map((s) => [s.id, s]))
  const groups = new Map(lookups.groups.items.map((g) => [g.id, g]))
  const where = (series: string) => {
    const [measureId, schoolId, groupId] = series.split('|') as [string, string, string]
    return `${measures.get(measureId)?.code} at ${schools.get(schoolId)?.code}, student group ${groups.get(groupId)?.code}`
  }
  const warnings: ImportRowError[] = []
  for (const d of unlikelyToDateDeclines(points, lookups.schoolYearStart)) {
    const measure = measures.get(d.series.split('|')[0] as string)?.code
    const why = `${measure} counts the school year to date (${d.schoolYear}), and a count to date does not halve from one period to the next: check the row, or whether the file holds each period’s own counts.`
    if (d.ref > 0) {
      const before = d.previousRef > 0 ? `row ${d.previousRef}` : 'stored'
      warnings.push({
        row: d.ref,
        message: `Row ${d.ref}: numerator ${count(d.numerator)} is less than half of ${count(d.previousNumerator)} on ${d.previousPeriod} (${before}) for ${where(d.series)}. ${why}`,
      })
    } else if (d.previousRef > 0) {
      warnings.push({
        row: d.previousRef,
        message: `Row ${d.previousRef}: numerator ${count(d.previousNumerator)} is more than twice the stored ${count(d.numerator)} of the later period ${d.period} for ${where(d.series)}. ${why}`,
      })
    }
  }
  return warnings.sort((a, b) => a.row - b.row)
}
