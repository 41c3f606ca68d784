// What the data page offers the caller: whether they may import, the codes an import file may use
// (measures, the schools they may enter data for, student groups), and the filters of the exports
// (measures, the schools they may read, student groups, teams).
import { type Actor, canEnterSchoolData, canReadSchool, canReadTeam } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { canImportData } from './lookups.ts'

export async function getDataOptions({ db, actor }: { db: DbTx; actor: Actor }) {
  const where = { districtId: actor.districtId }
  const [district, measures, schools, groups, teams] = await Promise.all([
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { suppressionThreshold: true },
    }),
    db.measure.findMany({
      where: { ...where, archivedAt: null },
      select: {
        id: true,
        code: true,
        name: true,
        cadence: true,
        accumulation: true,
        unit: true,
        schoolId: true,
      },
      orderBy: { name: 'asc' },
    }),
    db.school.findMany({ where, select: { id: true, code: true, name: true }, orderBy: { name: 'asc' } }),
    db.studentGroup.findMany({
      where: { ...where, isActive: true },
      select: { id: true, code: true, name: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
    db.team.findMany({
      where: { ...where, archivedAt: null },
      select: { id: true, name: true, schoolId: true, school: { select: { name: true } } },
      orderBy: { name: 'asc' },
    }),
  ])
  const readableSchools = schools.filter((s) => canReadSchool(actor, s.id))
  const readableSchoolIds = new Set(readableSchools.map((s) => s.id))
  return {
    canImport: canImportData(actor),
    suppressionThreshold: district.suppressionThreshold,
    measures: measures.filter((m) => m.schoolId === null || readableSchoolIds.has(m.schoolId)),
    /** Schools whose data the caller may export (suppressed). */
    schools: readableSchools,
    /** Schools the caller may import data for. */
    importSchools: schools.filter((s) => canEnterSchoolData(actor, s.id)),
    groups,
    teams: teams
      .filter((t) => canReadTeam(actor, { schoolId: t.schoolId, teamId: t.id }))
      .map((t) => ({ id: t.id, name: t.name, schoolName: t.school.name })),
  }
}
export type DataOptions = Awaited<ReturnType<typeof getDataOptions>>
