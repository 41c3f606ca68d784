// Observation builders for tests: rows as a team would enter them (numerator over denominator, or a value).
import type { Db } from '../../server/db/client.ts'

export interface ObservationRowSpec {
  studentGroupId: string
  /** YYYY-MM-DD */
  period: string
  numerator?: number | null
  denominator?: number | null
  value?: number
}

export async function insertObservations(
  db: Db,
  args: {
    districtId: string
    measureId: string
    schoolId: string
    rows: ObservationRowSpec[]
    /** Applied to numerator / denominator when no value is given (100 for percents). */
    multiplier?: number
    source?: 'manual' | 'csv' | 'api' | 'seed'
  },
) {
  const multiplier = args.multiplier ?? 100
  await db.observation.createMany({
    data: args.rows.map((r) => ({
      districtId: args.districtId,
      measureId: args.measureId,
      schoolId: args.schoolId,
      studentGroupId: r.studentGroupId,
      period: new Date(`${r.period}T00:00:00.000Z`),
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      value: r.value ?? ((r.numerator ?? 0) / (r.denominator ?? 1)) * multiplier,
      source: args.source ?? 'seed',
    })),
  })
  return db.observation.findMany({
    where: { measureId: args.measureId, schoolId: args.schoolId },
    orderBy: [{ period: 'asc' }],
  })
}

let weeks = 0
/** A Monday no other call has returned (counting back from 2024-01-01), for rows that must not collide. */
export function freshMonday(): string {
  weeks += 1
  return new Date(Date.UTC(2024, 0, 1) - weeks * 7 * 86_400_000).toISOString().slice(0, 10)
}
