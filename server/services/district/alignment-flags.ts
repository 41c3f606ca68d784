// The alignment audit's findings (education-data.md §5.7): what a district leader must look at, most
// serious first. Pure: built from the loaded data and its tree.
import { formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import type { AlignmentData } from './alignment-data.ts'
import { ACTIVE_STAGES, type AlignmentTree } from './alignment-tree.ts'

export const ALIGNMENT_FLAG_KINDS = [
  'goal_unaligned',
  'district_goal_without_goals',
  'group_gap_unnamed',
  'goal_target_wrong_direction',
  'district_goal_without_active_cycle',
  'goal_without_active_cycle',
  'cycle_without_measure',
] as const
export type AlignmentFlagKind = (typeof ALIGNMENT_FLAG_KINDS)[number]

export interface AlignmentFlag {
  kind: AlignmentFlagKind
  severity: 'high' | 'medium' | 'low'
  message: string
  schoolId: string | null
  districtGoalId: string | null
  goalId: string | null
  cycleId: string | null
  studentGroupId: string | null
}

const SEVERITY: Record<AlignmentFlagKind, AlignmentFlag['severity']> = {
  goal_unaligned: 'high',
  district_goal_without_goals: 'high',
  group_gap_unnamed: 'high',
  goal_target_wrong_direction: 'high',
  district_goal_without_active_cycle: 'medium',
  goal_without_active_cycle: 'medium',
  cycle_without_measure: 'low',
}

const ratio = (n: number | null) => (n === null ? 'far above' : `${n.toFixed(1)}×`)

export function alignmentFlags(data: AlignmentData, tree: AlignmentTree): AlignmentFlag[] {
  const flags: AlignmentFlag[] = []
  const flag = (kind: AlignmentFlagKind, message: string, at: Partial<AlignmentFlag> = {}) =>
    flags.push({
      kind,
      severity: SEVERITY[kind],
      message,
      schoolId: null,
      districtGoalId: null,
      goalId: null,
      cycleId: null,
      studentGroupId: null,
      ...at,
    })
  const schoolName = new Map(data.schools.map((s) => [s.id, s.name]))
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]))
  const codeOf = new Map(data.districtGoals.map((d) => [d.id, d.code]))

  for (const g of tree.unaligned.goals) {
    flag('goal_unaligned', `${g.school.name}: “${g.title}” is aligned to no district goal.`, {
      schoolId: g.school.id,
      goalId: g.id,
    })
  }
  for (const d of tree.districtGoals) {
    if (d.goalCount === 0) {
      flag(
        'district_goal_without_goals',
        `${d.code} “${d.title}” has no school or team goal aligned to it.`,
        {
          districtGoalId: d.id,
        },
      )
    } else if (d.activeCycles === 0) {
      flag(
        'district_goal_without_active_cycle',
        `${d.code} has ${d.goalCount} aligned goal(s) but no cycle in Plan, Do, Study or Act.`,
        { districtGoalId: d.id },
      )
    }
  }
  // A group with a large gap at a school that no goal of the school names (one flag per school and group).
  const named = new Set(data.goals.map((g) => `${g.schoolId}:${g.focalGroupId}`))
  const seen = new Set<string>()
  for (const gap of data.groupGaps.gaps) {
    const key = `${gap.schoolId}:${gap.studentGroupId}`
    if (named.has(key) || seen.has(key)) continue
    seen.add(key)
    const unit = gap.measure.unit as MeasureUnit
    flag(
      'group_gap_unnamed',
      `${schoolName.get(gap.schoolId) ?? 'A school'}: ${groupName.get(gap.studentGroupId) ?? 'a group'} — ${gap.measure.name} ${formatMeasureValue(gap.groupValue, unit)} vs ${formatMeasureValue(gap.otherValue, unit)} for all other students (${ratio(gap.riskRatio)}), and no goal at the school names this group.`,
      { schoolId: gap.schoolId, studentGroupId: gap.studentGroupId },
    )
  }
  for (const g of data.goals) {
    const better = g.measure.higherIsBetter
      ? g.targetValue > g.baselineValue
      : g.targetValue < g.baselineValue
    if (better || g.targetValue === g.baselineValue) continue
    const unit = g.measure.unit as MeasureUnit
    const codes = g.alignments.flatMap((a) => codeOf.get(a.districtGoalId) ?? [])
    flag(
      'goal_target_wrong_direction',
      `${schoolName.get(g.schoolId) ?? ''}: the target of “${g.title}” (${formatMeasureValue(g.targetValue, unit)}) is worse than its baseline (${formatMeasureValue(g.baselineValue, unit)})${codes.length ? `, while ${codes.join(' and ')} asks for improvement` : ''}.`,
      { schoolId: g.schoolId, goalId: g.id },
    )
  }
  for (const g of tree.goals) {
    if (g.status === 'active' && g.activeCycles === 0) {
      flag('goal_without_active_cycle', `${g.school.name}: “${g.title}” has no cycle under way.`, {
        schoolId: g.school.id,
        goalId: g.id,
      })
    }
  }
  for (const c of data.cycles) {
    if (c.measures.length === 0 && ACTIVE_STAGES.includes(c.stage)) {
      flag('cycle_without_measure', `${c.team.name}: cycle “${c.title}” links no measure.`, {
        goalId: c.goalId,
        cycleId: c.id,
      })
    }
  }
  const order = { high: 0, medium: 1, low: 2 }
  return flags.sort((a, b) => order[a.severity] - order[b.severity])
}
