// The alignment audit's findings (education-data.md §5.7): what a district leader must look at, most
// serious first. Pure: built from the loaded data and its tree.
import {
  ALIGNMENT_FINDING_KINDS,
  type AlignmentFindingKind,
  type FindingFacts,
  type FindingSeverity,
  formatMeasureValue,
  gradeFinding,
  type MeasureUnit,
  SEVERITY_ORDER,
  targetDirection,
} from '@pdsa/domain'
import type { AlignmentData } from './alignment-data.ts'
import { ACTIVE_STAGES, type AlignmentTree } from './alignment-tree.ts'

export const ALIGNMENT_FLAG_KINDS = ALIGNMENT_FINDING_KINDS
export type AlignmentFlagKind = AlignmentFindingKind

export interface AlignmentFlag {
  kind: AlignmentFlagKind
  /** Graded by gradeFinding (packages/domain, ADR 026). */
  severity: FindingSeverity
  message: string
  schoolId: string | null
  districtGoalId: string | null
  goalId: string | null
  cycleId: string | null
  studentGroupId: string | null
}

const ratio = (n: number | null) => (n === null ? 'far above' : `${n.toFixed(1)}×`)

export function alignmentFlags(data: AlignmentData, tree: AlignmentTree): AlignmentFlag[] {
  const flags: AlignmentFlag[] = []
  const flag = (
    kind: AlignmentFlagKind,
    message: string,
    at: Partial<AlignmentFlag> = {},
    facts: Omit<FindingFacts, 'kind'> = {},
  ) =>
    flags.push({
      kind,
      severity: gradeFinding({ kind, ...facts }),
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
      { riskRatio: gap.riskRatio, difference: gap.difference },
    )
  }
  for (const g of data.goals) {
    if (targetDirection({ ...g, higherIsBetter: g.measure.higherIsBetter }) !== 'worsens') continue
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
  const schoolOfGoal = new Map(data.goals.map((g) => [g.id, g.schoolId]))
  for (const c of data.cycles) {
    if (c.measures.length === 0 && ACTIVE_STAGES.includes(c.stage)) {
      flag('cycle_without_measure', `${c.team.name}: cycle “${c.title}” links no measure.`, {
        // The school too, so a school filter keeps it with its school (and only there).
        schoolId: (c.goalId && schoolOfGoal.get(c.goalId)) || null,
        goalId: c.goalId,
        cycleId: c.id,
      })
    }
  }
  return flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}
