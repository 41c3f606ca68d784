// Where the data shows a large gap for a student group at a school (alignment checklist item 3: every group
// with a gap flag at a school should be named by one of that school's goals). Read from the latest period
// of each adverse-event measure of the district library (suspension, chronic absence, D/F rates…): the
// group's rate against all other students' (all students minus the group, from the counts).
import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadPrivacyContext } from '../analytics/privacy-context.ts'
import { loadSeriesReleases, type ReleasedCell, seriesKeyOf } from '../analytics/release.ts'

/** A group is flagged when its rate is at least this multiple of all other students'… */
export const LARGE_GAP_RISK_RATIO = 2
/** …and at least this much higher in the measure's unit (so 0.2% vs 0.1% is not a "gap"). */
export const LARGE_GAP_MIN_DIFFERENCE = 2

export const LARGE_GAP_RULE = `A student group has a large gap at a school when, in the latest period of an adverse-event measure (suspension, chronic absence…), its rate is at least ${LARGE_GAP_RISK_RATIO}× the rate of all other students there and at least ${LARGE_GAP_MIN_DIFFERENCE} points higher; groups or remainders smaller than the district's suppression threshold, and cells the district's small-cell release hides, are never judged.`

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

/**
 * Reads the released cells (docs/decisions/017) of every adverse-event measure of the district library at
 * every school — the same release the charts, tables and exports show — and judges each group at the
 * latest period: its rate against all other students', from the released all-students and group counts.
 * A group is judged only when both cells are shown and neither the group nor its remainder is below the
 * threshold; the derived "all other students" cell of a program group must be shown as well.
 */
export async function scanGroupGaps(db: DbTx, actor: Actor): Promise<GroupGapScan> {
  const [measures, schools, privacy] = await Promise.all([
    db.measure.findMany({
      where: { districtId: actor.districtId, schoolId: null, archivedAt: null, isAdverseEvent: true },
      select: { id: true, name: true, unit: true, multiplier: true },
    }),
    db.school.findMany({ where: { districtId: actor.districtId }, select: { id: true } }),
    loadPrivacyContext(db, actor),
  ])
  const empty: GroupGapScan = { gaps: [], suppressed: new Set(), reportable: new Set() }
  const allGroup = privacy.allGroup
  if (measures.length === 0 || !allGroup) return empty
  const releases = await loadSeriesReleases({
    db,
    districtId: actor.districtId,
    keys: measures.flatMap((m) => schools.map((s) => ({ measureId: m.id, schoolId: s.id }))),
    privacy,
  })
  const gaps: GroupGap[] = []
  const suppressed = new Set<string>()
  const reportable = new Set<string>()
  for (const measure of measures) {
    for (const school of schools) {
      const release = releases.get(seriesKeyOf({ measureId: measure.id, schoolId: school.id }))
      const period = release?.periods.at(-1)
      const cells = period ? release?.cells.get(period) : undefined
      if (!release || !period || !cells) continue
      const all = cells.get(allGroup.id)
      for (const [groupId, cell] of cells) {
        if (groupId === allGroup.id) continue
        const key = `${school.id}:${groupId}`
        const judged = judge(cell, all, release.otherThanHidden.get(period)?.has(groupId) ?? false)
        if (judged === 'no_counts') continue
        if (judged === 'hidden') {
          if (!reportable.has(key)) suppressed.add(key)
          continue
        }
        reportable.add(key)
        suppressed.delete(key)
        const gap = largeGap(judged, measure.multiplier, privacy.threshold)
        if (gap) {
          gaps.push({
            schoolId: school.id,
            studentGroupId: groupId,
            measure: { id: measure.id, name: measure.name, unit: measure.unit },
            period,
            ...gap,
          })
        }
      }
    }
  }
  const ratio = (g: GroupGap) => g.riskRatio ?? Number.POSITIVE_INFINITY
  gaps.sort((a, b) => ratio(b) - ratio(a))
  return { gaps, suppressed, reportable }
}

interface Counts {
  numerator: number
  n: number
  allNumerator: number
  allN: number
}

/** The counts to judge, 'hidden' when the release does not show them, 'no_counts' for plain values. */
function judge(
  cell: ReleasedCell,
  all: ReleasedCell | undefined,
  otherThanHidden: boolean,
): Counts | 'hidden' | 'no_counts' {
  if (cell.decision.kind !== 'shown' || otherThanHidden || !all || all.decision.kind !== 'shown') {
    return 'hidden'
  }
  if (cell.numerator === null || cell.denominator === null) return 'no_counts'
  if (all.numerator === null || all.denominator === null) return 'no_counts'
  return {
    numerator: cell.numerator,
    n: cell.denominator,
    allNumerator: all.numerator,
    allN: all.denominator,
  }
}

function largeGap(c: Counts, multiplier: number, threshold: number) {
  if (c.n < threshold || c.allN - c.n < threshold) return null
  const groupValue = (c.numerator / c.n) * multiplier
  const otherValue = ((c.allNumerator - c.numerator) / (c.allN - c.n)) * multiplier
  const difference = groupValue - otherValue
  const riskRatio = otherValue > 0 ? groupValue / otherValue : null
  const large =
    (riskRatio ?? Number.POSITIVE_INFINITY) >= LARGE_GAP_RISK_RATIO && difference >= LARGE_GAP_MIN_DIFFERENCE
  return large ? { groupValue, otherValue, riskRatio, difference } : null
}
