// What checking an import needs to know about the district: its measures, schools and student groups
// by code, its school-year start, and which schools the importer may enter data for. Four queries,
// whatever the file's size.
import {
  type Actor,
  type Cadence,
  type ChartType,
  canEnterSchoolData,
  canLeadDistrict,
  isoDateInZone,
  type MeasureAccumulation,
  type MeasureUnit,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

export interface LookupMeasure {
  id: string
  code: string
  name: string
  schoolId: string | null
  archived: boolean
  unit: MeasureUnit
  cadence: Cadence
  accumulation: MeasureAccumulation
  chartType: ChartType
  multiplier: number
}
export interface LookupSchool {
  id: string
  code: string
  name: string
}
export interface LookupGroup {
  id: string
  code: string
  name: string
  isActive: boolean
}

/** Finds by exact code, else by the code in any case when that is unambiguous. */
export class CodeIndex<T extends { code: string }> {
  private readonly exact = new Map<string, T>()
  private readonly folded = new Map<string, T | null>()
  constructor(readonly items: readonly T[]) {
    for (const item of items) {
      this.exact.set(item.code, item)
      const key = item.code.toUpperCase()
      this.folded.set(key, this.folded.has(key) ? null : item)
    }
  }
  get(code: string): T | undefined {
    return this.exact.get(code) ?? this.folded.get(code.toUpperCase()) ?? undefined
  }
  /** "ALL, EL, SED" (at most `max`, then "and 12 more"). */
  known(max = 12): string {
    const codes = this.items.map((i) => i.code).sort()
    if (codes.length === 0) return 'none'
    const shown = codes.slice(0, max).join(', ')
    return codes.length > max ? `${shown} and ${codes.length - max} more` : shown
  }
}

export interface ImportLookups {
  measures: CodeIndex<LookupMeasure>
  schools: CodeIndex<LookupSchool>
  groups: CodeIndex<LookupGroup>
  canEnter(schoolId: string): boolean
  /** Today's date in the district's time zone: later periods are in the future. */
  today: string
  /** 'MM-DD': where the district's year-to-date measures restart. */
  schoolYearStart: string
  /** The district's IANA zone: times in messages are written in it. */
  timeZone: string
}

/** Whether the actor may import anything at all: district leaders, and team leads and members. */
export function canImportData(actor: Actor): boolean {
  return (
    canLeadDistrict(actor) ||
    actor.grants.some(
      (g) => g.schoolId !== null && g.teamId !== null && canEnterSchoolData(actor, g.schoolId),
    )
  )
}

export async function loadImportLookups(db: DbTx, actor: Actor, now: Date): Promise<ImportLookups> {
  const where = { districtId: actor.districtId }
  const [measures, schools, groups, district] = await Promise.all([
    db.measure.findMany({
      where,
      select: {
        id: true,
        code: true,
        name: true,
        schoolId: true,
        archivedAt: true,
        unit: true,
        cadence: true,
        accumulation: true,
        chartType: true,
        multiplier: true,
      },
    }),
    db.school.findMany({ where, select: { id: true, code: true, name: true } }),
    db.studentGroup.findMany({ where, select: { id: true, code: true, name: true, isActive: true } }),
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { schoolYearStart: true, timeZone: true },
    }),
  ])
  const allowed = new Map<string, boolean>()
  return {
    measures: new CodeIndex(
      measures.map(({ archivedAt, ...m }) => ({
        ...m,
        archived: archivedAt !== null,
        unit: m.unit as MeasureUnit,
        cadence: m.cadence as Cadence,
        chartType: m.chartType as ChartType,
      })),
    ),
    schools: new CodeIndex(schools),
    groups: new CodeIndex(groups),
    canEnter(schoolId) {
      let ok = allowed.get(schoolId)
      if (ok === undefined) {
        ok = canEnterSchoolData(actor, schoolId)
        allowed.set(schoolId, ok)
      }
      return ok
    },
    today: isoDateInZone(now, district.timeZone),
    schoolYearStart: district.schoolYearStart,
    timeZone: district.timeZone,
  }
}
