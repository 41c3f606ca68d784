// What the measure's data say about a goal being written (ADR 025): the focal group's baseline (the
// rule of the goal's chart: the median of its released points in the year before the baseline date),
// its latest released value, and the gap to the reference at baseline with whether it is adverse.
import {
  type Actor,
  canReadSchool,
  forbidden,
  formatIsoDate,
  formatMeasureValue,
  type GoalDataBaselineInput,
  isAdverseGap,
  type MeasureUnit,
  medianOfValues,
  roundBaseline,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { analyzeGap, type GapReferenceKind } from '../analytics/gap-analysis.ts'
import { baselineFrom } from '../analytics/goal-gaps.ts'
import { groupLabel, loadPrivacyContext } from '../analytics/privacy-context.ts'
import { loadSchoolCells, SchoolCells, seriesKeyOf } from '../analytics/school-cells.ts'
import { requireMeasure, requireSchool, requireStudentGroup } from '../references.ts'

export interface DataBaseline {
  value: number
  /** First and last period of the points the median is taken over. */
  from: string
  to: string
  points: number
}

/** The data's view of a goal; `baseline` null when the focal group has no released point in the baseline year. */
export async function computeGoalDataBaseline(db: DbTx, actor: Actor, q: GoalDataBaselineInput) {
  const [school, measure, focal] = await Promise.all([
    requireSchool(db, actor, q.schoolId),
    requireMeasure(db, actor, q.measureId, 'measureId', q.schoolId),
    requireStudentGroup(db, actor, q.focalGroupId, 'focalGroupId'),
  ])
  if (q.referenceGroupId) await requireStudentGroup(db, actor, q.referenceGroupId, 'referenceGroupId')
  const privacy = await loadPrivacyContext(db, actor)
  const key = { measureId: measure.id, schoolId: school.id }
  const from = baselineFrom(q.baselineDate)
  const table =
    (await loadSchoolCells({ db, districtId: actor.districtId, keys: [key], privacy })).get(
      seriesKeyOf(key),
    ) ?? new SchoolCells()
  const shown = table.series(focal.id).filter((c) => !c.suppressed && c.value !== null)
  const inBaseline = shown.filter((c) => c.period >= from && c.period < q.baselineDate)
  const median = medianOfValues(inBaseline.map((c) => c.value as number))
  const baseline: DataBaseline | null =
    median === null
      ? null
      : {
          value: roundBaseline(median),
          from: inBaseline[0]?.period ?? from,
          to: inBaseline.at(-1)?.period ?? from,
          points: inBaseline.length,
        }
  const last = shown.at(-1)
  const current = last ? { value: last.value as number, period: last.period } : null
  const unit = measure.unit as MeasureUnit
  let gap: { value: number; adverse: boolean; referenceName: string; message: string | null } | null = null
  if (q.referenceKind !== 'fixed_target') {
    const analysis = analyzeGap(
      table,
      {
        measure,
        focalGroupId: focal.id,
        referenceKind: q.referenceKind as GapReferenceKind,
        referenceGroupId: q.referenceGroupId,
        since: q.baselineDate,
        from,
      },
      privacy,
    )
    const before = analysis.series.filter((s) => s.period < q.baselineDate && s.gap !== null)
    const gapMedian = medianOfValues(before.map((s) => s.gap as number))
    if (gapMedian !== null) {
      const adverse = isAdverseGap(gapMedian, measure.higherIsBetter)
      const focalName = groupLabel(privacy.groupById.get(focal.id))
      gap = {
        value: roundBaseline(gapMedian),
        adverse,
        referenceName: analysis.referenceName,
        message: adverse
          ? null
          : `${focalName} are not worse off than ${analysis.referenceName} on ${measure.name.toLowerCase()} in the baseline year (gap ${formatMeasureValue(roundBaseline(gapMedian), unit)}${unit === 'percent' ? ' points' : ''}, ${measure.higherIsBetter ? 'higher' : 'lower'} is better). An equity goal usually targets a group that is worse off: check the group or the measure.`,
      }
    }
  }
  return {
    unit,
    higherIsBetter: measure.higherIsBetter,
    baseline,
    /** Why there is no baseline, in words. */
    baselineMissing:
      baseline === null
        ? `No released data for this group in the year before ${formatIsoDate(q.baselineDate)}: enter the baseline by hand.`
        : null,
    current,
    gap,
  }
}
export type GoalDataBaselineView = Awaited<ReturnType<typeof computeGoalDataBaseline>>

/** The form's question: only for someone who may read the school (the references are checked above). */
export async function getGoalDataBaseline({
  db,
  actor,
  ...q
}: { db: DbTx; actor: Actor } & GoalDataBaselineInput) {
  await requireSchool(db, actor, q.schoolId)
  if (!canReadSchool(actor, q.schoolId)) throw forbidden('You do not have access to this school.')
  return computeGoalDataBaseline(db, actor, q)
}
