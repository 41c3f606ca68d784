// What a calendar-aware verdict needs besides the cycle's own series (issue 9): the district's school-year
// start, every cycle of the district that links the measures being judged (whoever may read them — a
// verdict is the same for every reader, and the oversight screens cache it per district), and from those
// the comparison schools (no cycle on the measure, in any stage) and each series' earlier cycles.
// Two queries for any number of cycles.
import { type Actor, type CycleStage, canReadTeam } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { toIsoDate, toIsoDateOrNull } from '../shared.ts'
import type { VerdictWindow } from './judge-link.ts'
import type { SeriesKey } from './school-cells.ts'

type Decision = 'adopt' | 'adapt' | 'abandon'

/** An earlier cycle on the same series (measure, school, group), as the engine and the chart need it. */
export interface PriorCycleInput {
  cycleId: string
  /** null when the reader may not open that cycle (its title is not shown). */
  title: string | null
  start: string
  end: string
  lagDays: number
  decision: Decision | null
}

interface LinkedCycle {
  cycleId: string
  title: string
  schoolId: string
  teamId: string
  stage: CycleStage
  decision: Decision | null
  window: VerdictWindow
  measureId: string
  /** The group the link reads (a link without a group reads all students). */
  groupId: string | null
}

/** The verdict window: actual (else planned) start to actual (else planned) end, plus the lag days. */
export function verdictWindow(c: {
  plannedStart: Date
  plannedEnd: Date
  actualStart: Date | null
  actualEnd: Date | null
  lagDays: number
}): VerdictWindow {
  const start = toIsoDateOrNull(c.actualStart) ?? toIsoDate(c.plannedStart)
  const end = toIsoDateOrNull(c.actualEnd) ?? toIsoDate(c.plannedEnd)
  const last = [start, end].sort()[1] ?? end
  return { start, end: last, lagDays: c.lagDays }
}

/** A completed cycle's verdict is final: no more values will be counted for it. */
export const isFinalStage = (stage: string) => stage === 'complete'

export interface VerdictInputs {
  schoolYearStart: string
  /** The (measure, school) series of the schools that ran no cycle on each measure. */
  comparisonKeys(measureId: string, measureSchoolId: string | null): SeriesKey[]
  /** Earlier cycles on the series, oldest first (the cycle itself and later cycles left out). */
  priorCycles(args: {
    cycleId: string
    measureId: string
    schoolId: string
    /** The group the link reads (the all-students group for a link without a group). */
    groupId: string | null
    start: string
  }): PriorCycleInput[]
}

const NOTHING_TO_JUDGE: VerdictInputs = {
  schoolYearStart: '07-01',
  comparisonKeys: () => [],
  priorCycles: () => [],
}

export async function loadVerdictInputs(
  db: DbTx,
  actor: Actor,
  measureIds: readonly string[],
  allGroupId: string | null,
): Promise<VerdictInputs> {
  const ids = [...new Set(measureIds)]
  if (ids.length === 0) return NOTHING_TO_JUDGE
  const [district, rows] = await Promise.all([
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { schoolYearStart: true, schools: { select: { id: true }, orderBy: { name: 'asc' } } },
    }),
    db.cycleMeasure.findMany({
      where: { measureId: { in: ids }, cycle: { districtId: actor.districtId } },
      select: {
        measureId: true,
        studentGroupId: true,
        cycle: {
          select: {
            id: true,
            title: true,
            schoolId: true,
            teamId: true,
            stage: true,
            decision: true,
            plannedStart: true,
            plannedEnd: true,
            actualStart: true,
            actualEnd: true,
            lagDays: true,
          },
        },
      },
    }),
  ])
  const linked: LinkedCycle[] = rows.map((r) => ({
    cycleId: r.cycle.id,
    title: r.cycle.title,
    schoolId: r.cycle.schoolId,
    teamId: r.cycle.teamId,
    stage: r.cycle.stage as CycleStage,
    decision: r.cycle.decision as Decision | null,
    window: verdictWindow(r.cycle),
    measureId: r.measureId,
    groupId: r.studentGroupId ?? allGroupId,
  }))
  const schoolsWithCycle = new Map<string, Set<string>>()
  for (const l of linked) {
    const set = schoolsWithCycle.get(l.measureId) ?? new Set<string>()
    set.add(l.schoolId)
    schoolsWithCycle.set(l.measureId, set)
  }
  const schoolIds = district.schools.map((s) => s.id)
  return {
    schoolYearStart: district.schoolYearStart,
    comparisonKeys(measureId, measureSchoolId) {
      // A school's own measure has data at that school only: there is nobody to compare with.
      if (measureSchoolId) return []
      const excluded = schoolsWithCycle.get(measureId) ?? new Set()
      return schoolIds.filter((id) => !excluded.has(id)).map((schoolId) => ({ measureId, schoolId }))
    },
    priorCycles({ cycleId, measureId, schoolId, groupId, start }) {
      const seen = new Set<string>()
      return linked
        .filter(
          (l) =>
            l.cycleId !== cycleId &&
            l.measureId === measureId &&
            l.schoolId === schoolId &&
            l.groupId === groupId &&
            l.window.start < start,
        )
        .sort(
          (a, b) => a.window.start.localeCompare(b.window.start) || a.window.end.localeCompare(b.window.end),
        )
        .filter((l) => !seen.has(l.cycleId) && seen.add(l.cycleId))
        .map((l) => ({
          cycleId: l.cycleId,
          title: canReadTeam(actor, { schoolId: l.schoolId, teamId: l.teamId }) ? l.title : null,
          start: l.window.start,
          end: l.window.end,
          lagDays: l.window.lagDays,
          decision: l.decision,
        }))
    },
  }
}
