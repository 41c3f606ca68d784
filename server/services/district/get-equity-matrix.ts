import { type Actor, canReadDistrict, targetDirection } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { assertAllowed } from '../shared.ts'
import { loadAlignmentData } from './alignment-data.ts'
import { ACTIVE_STAGES } from './alignment-tree.ts'
import { LARGE_GAP_RULE } from './group-gaps.ts'

export type MatrixCellStatus = 'goal' | 'gap_without_goal' | 'suppressed' | 'none'

/**
 * Schools × student groups: where an equity goal names the group at the school, with its gap verdict
 * (narrowing, widening, no signal, not enough data) and how many of its cycles are in progress; where
 * the data shows a large gap and no goal names the group; and where the group is too small to report
 * (suppressed). A goal whose target is worse than its baseline (the alignment audit's rule,
 * `targetDirection`) carries that instead of being read as narrowing. For district-wide readers.
 */
export async function getEquityMatrix({ db, actor }: { db: DbTx; actor: Actor }) {
  assertAllowed(canReadDistrict(actor), 'The equity matrix is for district staff.')
  const data = await loadAlignmentData(db, actor, { cycleVerdicts: false })
  const { gaps: largeGaps, suppressed } = data.groupGaps
  const activeByGoal = new Map<string, number>()
  for (const c of data.cycles) {
    if (c.goalId && ACTIVE_STAGES.includes(c.stage)) {
      activeByGoal.set(c.goalId, (activeByGoal.get(c.goalId) ?? 0) + 1)
    }
  }
  const rows = data.schools.map((school) => ({
    school,
    cells: data.groups.map((group) => {
      const key = `${school.id}:${group.id}`
      const goals = data.goals
        .filter((g) => g.schoolId === school.id && g.focalGroupId === group.id)
        .map((g) => ({
          id: g.id,
          title: g.title,
          status: g.status,
          measureName: g.measure.name,
          gap: data.gaps.get(g.id) ?? null,
          activeCycles: activeByGoal.get(g.id) ?? 0,
          targetWorseThanBaseline:
            targetDirection({ ...g, higherIsBetter: g.measure.higherIsBetter }) === 'worsens',
        }))
      const gap = largeGaps.find((x) => x.schoolId === school.id && x.studentGroupId === group.id) ?? null
      const isSuppressed = suppressed.has(key)
      const status: MatrixCellStatus =
        goals.length > 0 ? 'goal' : gap ? 'gap_without_goal' : isSuppressed ? 'suppressed' : 'none'
      const activeCycles = goals.reduce((n, g) => n + g.activeCycles, 0)
      return {
        studentGroupId: group.id,
        status,
        goals,
        activeCycles,
        largeGap: gap,
        suppressed: isSuppressed,
      }
    }),
  }))
  const columns = data.groups.map((group, i) => ({
    ...group,
    schoolsWithGoal: rows.filter((r) => r.cells[i]?.status === 'goal').length,
    schoolsWithUnnamedGap: rows.filter((r) => r.cells[i]?.status === 'gap_without_goal').length,
    schoolsWithActiveCycle: rows.filter((r) => (r.cells[i]?.activeCycles ?? 0) > 0).length,
  }))
  return {
    suppressionThreshold: data.district.suppressionThreshold,
    largeGapRule: LARGE_GAP_RULE,
    columns,
    rows,
  }
}
export type EquityMatrix = Awaited<ReturnType<typeof getEquityMatrix>>
