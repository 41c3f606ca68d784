import {
  type Actor,
  canEnterSchoolData,
  canReadSchool,
  forbidden,
  type ListObservationsInput,
  notFound,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireSchool } from '../references.ts'
import { fromIsoDate, toIsoDate, validation } from '../shared.ts'
import { suppressionReasons } from './suppress.ts'

/**
 * A measure's observations at one school, newest period first. People who may enter the school's data
 * see raw values; everyone else gets small cells (and their complements) with every number null.
 */
export async function listObservations({
  db,
  actor,
  measureId,
  schoolId,
  studentGroupIds,
  from: requestedFrom,
  to,
  latestPeriods,
}: { db: DbTx; actor: Actor } & ListObservationsInput) {
  const school = await requireSchool(db, actor, schoolId)
  const measure = await db.measure.findFirst({ where: { id: measureId, districtId: actor.districtId } })
  if (!measure) throw notFound('Measure')
  if (!canReadSchool(actor, school.id)) throw forbidden('You do not have access to this school’s data.')
  if (measure.schoolId && measure.schoolId !== school.id) {
    throw validation('schoolId', 'This measure belongs to another school.')
  }
  let from = requestedFrom
  if (latestPeriods) {
    // The oldest of the latest N periods with data (whole periods, so suppression sees every group).
    const recent = await db.observation.findMany({
      where: { measureId, schoolId: school.id, ...(to ? { period: { lte: fromIsoDate(to) } } : {}) },
      distinct: ['period'],
      select: { period: true },
      orderBy: { period: 'desc' },
      take: latestPeriods,
    })
    const oldest = recent.at(-1)
    if (oldest) {
      const oldestIso = toIsoDate(oldest.period)
      if (!from || oldestIso > from) from = oldestIso
    }
  }
  const [district, groups, rows] = await Promise.all([
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { suppressionThreshold: true },
    }),
    db.studentGroup.findMany({
      where: { districtId: actor.districtId },
      select: { id: true, category: true },
    }),
    db.observation.findMany({
      where: {
        measureId,
        schoolId: school.id,
        ...(from || to
          ? {
              period: {
                ...(from ? { gte: fromIsoDate(from) } : {}),
                ...(to ? { lte: fromIsoDate(to) } : {}),
              },
            }
          : {}),
      },
      select: {
        id: true,
        period: true,
        value: true,
        numerator: true,
        denominator: true,
        source: true,
        updatedAt: true,
        studentGroup: { select: { id: true, code: true, name: true, category: true, sortOrder: true } },
        enteredBy: { select: { name: true } },
      },
      orderBy: [{ period: 'desc' }, { studentGroup: { sortOrder: 'asc' } }],
      take: 20_000,
    }),
  ])
  const threshold = district.suppressionThreshold
  const showsRawValues = canEnterSchoolData(actor, school.id)
  const reasons = showsRawValues
    ? new Map()
    : suppressionReasons(
        rows.map((r) => ({
          id: r.id,
          period: toIsoDate(r.period),
          denominator: r.denominator,
          studentGroupId: r.studentGroup.id,
        })),
        groups,
        threshold,
      )
  const wanted = studentGroupIds ? new Set(studentGroupIds) : null
  const observations = rows
    .filter((r) => !wanted || wanted.has(r.studentGroup.id))
    .map((r) => {
      const reason = reasons.get(r.id) ?? null
      return {
        id: r.id,
        period: toIsoDate(r.period),
        studentGroup: r.studentGroup,
        value: reason ? null : r.value,
        numerator: reason ? null : r.numerator,
        denominator: reason ? null : r.denominator,
        suppressed: reason !== null,
        suppressionReason: reason,
        /** Below the threshold: shown raw to those who may enter the data, with a warning. */
        isSmallCell: r.denominator !== null && r.denominator < threshold,
        source: r.source,
        enteredBy: r.enteredBy?.name ?? null,
        updatedAt: r.updatedAt,
      }
    })
  return { observations, suppressionThreshold: threshold, showsRawValues }
}
