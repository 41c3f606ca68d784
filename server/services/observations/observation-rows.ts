// A measure's observation rows at one school for the data table and the data-entry grid: the checks both
// share (the school and measure exist and are readable, the measure belongs to the school) and one query
// for the rows, newest period first.
import { type Actor, canReadSchool, forbidden, type ListObservationsInput, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadPrivacyContext } from '../analytics/privacy-context.ts'
import { loadSeriesReleases, seriesKeyOf } from '../analytics/release.ts'
import { requireSchool } from '../references.ts'
import { fromIsoDate, toIsoDate, validation } from '../shared.ts'

export async function requireMeasureAtSchool(db: DbTx, actor: Actor, measureId: string, schoolId: string) {
  const school = await requireSchool(db, actor, schoolId)
  const measure = await db.measure.findFirst({ where: { id: measureId, districtId: actor.districtId } })
  if (!measure) throw notFound('Measure')
  if (!canReadSchool(actor, school.id)) throw forbidden('You do not have access to this school’s data.')
  if (measure.schoolId && measure.schoolId !== school.id) {
    throw validation('schoolId', 'This measure belongs to another school.')
  }
  return { school, measure }
}

/** The rows of the measure at the school in [from, to] (or its latest N periods with data). */
export async function loadObservationRows(
  db: DbTx,
  { measureId, schoolId, from: requestedFrom, to, latestPeriods }: ListObservationsInput,
) {
  let from = requestedFrom
  if (latestPeriods) {
    // The oldest of the latest N periods with data.
    const recent = await db.observation.findMany({
      where: { measureId, schoolId, ...(to ? { period: { lte: fromIsoDate(to) } } : {}) },
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
  const rows = await db.observation.findMany({
    where: {
      measureId,
      schoolId,
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
  })
  return rows.map(({ period, ...r }) => ({ ...r, period: toIsoDate(period) }))
}

/**
 * The series' rows asked for (groups filtered) with the series' one release decision and the district's
 * privacy context: what the data table and the data-entry grid both start from.
 */
export async function loadRowsWithRelease(
  db: DbTx,
  actor: Actor,
  input: ListObservationsInput,
  key: { measureId: string; schoolId: string },
) {
  const privacy = await loadPrivacyContext(db, actor)
  const [rows, releases] = await Promise.all([
    loadObservationRows(db, input),
    loadSeriesReleases({ db, districtId: actor.districtId, keys: [key], privacy }),
  ])
  const wanted = input.studentGroupIds ? new Set(input.studentGroupIds) : null
  return {
    privacy,
    release: releases.get(seriesKeyOf(key)),
    rows: rows.filter((r) => !wanted || wanted.has(r.studentGroup.id)),
  }
}
