// Where the data shows a large gap for a student group at a school (alignment checklist item 3: every group
// with a gap flag at a school should be named by one of that school's goals). Read from the latest period
// of each adverse-event measure of the district library (suspension, chronic absence, D/F rates…): the
// group's rate against all other students' (all students minus the group, from the counts).
import type { DbTx } from '../../db/client.ts'
import { Prisma } from '../../db/generated/client.ts'
import { toIsoDate } from '../shared.ts'

/** A group is flagged when its rate is at least this multiple of all other students'… */
export const LARGE_GAP_RISK_RATIO = 2
/** …and at least this much higher in the measure's unit (so 0.2% vs 0.1% is not a "gap"). */
export const LARGE_GAP_MIN_DIFFERENCE = 2

export const LARGE_GAP_RULE = `A student group has a large gap at a school when, in the latest period of an adverse-event measure (suspension, chronic absence…), its rate is at least ${LARGE_GAP_RISK_RATIO}× the rate of all other students there and at least ${LARGE_GAP_MIN_DIFFERENCE} points higher; groups or remainders smaller than the district's suppression threshold are never judged.`

export interface GroupGap {
  schoolId: string
  studentGroupId: string
  measure: { id: string; name: string; unit: string }
  period: string
  groupValue: number
  otherValue: number
  /** null when no other student had the event (the ratio is unbounded). */
  riskRatio: number | null
  difference: number
}

export interface GroupGapScan {
  /** Large gaps, the largest risk ratio first. */
  gaps: GroupGap[]
  /** `${schoolId}:${studentGroupId}` of groups too small to report at the latest period of every measure. */
  suppressed: Set<string>
  /** `${schoolId}:${studentGroupId}` of groups with at least one reportable latest value. */
  reportable: Set<string>
}

interface Row {
  measureId: string
  schoolId: string
  studentGroupId: string
  period: Date
  numerator: number | null
  denominator: number | null
}

/** Two queries: the adverse-event measures, then every cell of their latest period at every school. */
export async function scanGroupGaps(db: DbTx, districtId: string, threshold: number): Promise<GroupGapScan> {
  const [measures, allGroup] = await Promise.all([
    db.measure.findMany({
      where: { districtId, schoolId: null, archivedAt: null, isAdverseEvent: true },
      select: { id: true, name: true, unit: true, multiplier: true },
    }),
    db.studentGroup.findFirst({ where: { districtId, category: 'all' }, select: { id: true } }),
  ])
  const empty: GroupGapScan = { gaps: [], suppressed: new Set(), reportable: new Set() }
  if (measures.length === 0 || !allGroup) return empty
  const rows = await db.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT "measureId", "schoolId", MAX(period) AS period
      FROM "Observation"
      WHERE "districtId" = ${districtId}::uuid
        AND "measureId" IN (${Prisma.join(measures.map((m) => Prisma.sql`${m.id}::uuid`))})
      GROUP BY "measureId", "schoolId"
    )
    SELECT o."measureId"::text AS "measureId", o."schoolId"::text AS "schoolId",
      o."studentGroupId"::text AS "studentGroupId", o.period, o.numerator, o.denominator
    FROM "Observation" o
    JOIN latest l ON l."measureId" = o."measureId" AND l."schoolId" = o."schoolId" AND l.period = o.period`
  const measureOf = new Map(measures.map((m) => [m.id, m]))
  const allCells = new Map<string, Row>()
  for (const r of rows) if (r.studentGroupId === allGroup.id) allCells.set(`${r.measureId}:${r.schoolId}`, r)
  const gaps: GroupGap[] = []
  const suppressed = new Set<string>()
  const reportable = new Set<string>()
  for (const r of rows) {
    if (r.studentGroupId === allGroup.id) continue
    const key = `${r.schoolId}:${r.studentGroupId}`
    const all = allCells.get(`${r.measureId}:${r.schoolId}`)
    const measure = measureOf.get(r.measureId)
    const n = r.denominator === null ? null : Number(r.denominator)
    const allN = all?.denominator === null || all === undefined ? null : Number(all.denominator)
    if (!measure || n === null || allN === null || r.numerator === null || all?.numerator == null) continue
    if (n < threshold || allN - n < threshold) {
      if (!reportable.has(key)) suppressed.add(key)
      continue
    }
    reportable.add(key)
    suppressed.delete(key)
    const groupValue = (Number(r.numerator) / n) * measure.multiplier
    const otherValue = ((Number(all.numerator) - Number(r.numerator)) / (allN - n)) * measure.multiplier
    const difference = groupValue - otherValue
    const riskRatio = otherValue > 0 ? groupValue / otherValue : null
    if (
      (riskRatio ?? Number.POSITIVE_INFINITY) >= LARGE_GAP_RISK_RATIO &&
      difference >= LARGE_GAP_MIN_DIFFERENCE
    ) {
      gaps.push({
        schoolId: r.schoolId,
        studentGroupId: r.studentGroupId,
        measure: { id: measure.id, name: measure.name, unit: measure.unit },
        period: toIsoDate(r.period),
        groupValue,
        otherValue,
        riskRatio,
        difference,
      })
    }
  }
  const ratio = (g: GroupGap) => g.riskRatio ?? Number.POSITIVE_INFINITY
  gaps.sort((a, b) => ratio(b) - ratio(a))
  return { gaps, suppressed, reportable }
}
