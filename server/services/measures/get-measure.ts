import { type Actor, canEnterSchoolData, canReadSchool, forbidden, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { measureSelect, toMeasureDto } from './measure-dto.ts'

/** A measure of the actor's district they may see: the district library, or a school's own they may read. */
export async function requireReadableMeasure(db: DbTx, actor: Actor, id: string) {
  const measure = await db.measure.findFirst({ where: { id, districtId: actor.districtId } })
  if (!measure) throw notFound('Measure')
  if (measure.schoolId && !canReadSchool(actor, measure.schoolId)) {
    throw forbidden('This measure belongs to a school you do not have access to.')
  }
  return measure
}

/**
 * A measure's definition, with the schools whose data the actor may see or enter for it, the
 * district's suppression threshold (for showing small cells as "n < 10") and its school-year start.
 */
export async function getMeasure({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const measure = await requireReadableMeasure(db, actor, id)
  const [row, schools, district] = await Promise.all([
    db.measure.findUniqueOrThrow({ where: { id }, select: measureSelect }),
    db.school.findMany({
      where: { districtId: actor.districtId, ...(measure.schoolId ? { id: measure.schoolId } : {}) },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { suppressionThreshold: true, schoolYearStart: true },
    }),
  ])
  return {
    ...toMeasureDto(row, actor),
    viewSchools: schools.filter((s) => canReadSchool(actor, s.id)),
    entrySchools: schools.filter((s) => canEnterSchoolData(actor, s.id)),
    suppressionThreshold: district.suppressionThreshold,
    /** 'MM-DD': where a year-to-date measure restarts. */
    schoolYearStart: district.schoolYearStart,
  }
}
