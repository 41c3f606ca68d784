// The alignment audit's shared rules (ADR 026): which way a goal's target points, and how serious a
// finding is. The audit, the equity matrix, the CSV export and the printable report all use these, so a
// goal the audit calls "target worse than baseline" is never shown as "narrowing" elsewhere.

/** Whether the target moves the measure in its better direction, keeps it, or makes it worse. */
export type TargetDirection = 'improves' | 'holds' | 'worsens'

export function targetDirection(goal: {
  baselineValue: number
  targetValue: number
  higherIsBetter: boolean
}): TargetDirection {
  if (goal.targetValue === goal.baselineValue) return 'holds'
  const up = goal.targetValue > goal.baselineValue
  return up === goal.higherIsBetter ? 'improves' : 'worsens'
}

export const ALIGNMENT_FINDING_KINDS = [
  'goal_unaligned',
  'district_goal_without_goals',
  'group_gap_unnamed',
  'goal_target_wrong_direction',
  'district_goal_without_active_cycle',
  'goal_without_active_cycle',
  'cycle_without_measure',
] as const
export type AlignmentFindingKind = (typeof ALIGNMENT_FINDING_KINDS)[number]
export type FindingSeverity = 'high' | 'medium' | 'low'

export const FINDING_KIND_LABELS: Record<AlignmentFindingKind, string> = {
  goal_unaligned: 'Goal aligned to no district goal',
  district_goal_without_goals: 'District goal with no school goal',
  group_gap_unnamed: 'Unaddressed gap',
  goal_target_wrong_direction: 'Target worse than baseline',
  district_goal_without_active_cycle: 'District goal with no active cycle',
  goal_without_active_cycle: 'Goal with no active cycle',
  cycle_without_measure: 'Cycle without a measure',
}

/** A severe gap: the group's rate is at least 3× the others' and at least 5 points higher. */
export const SEVERE_GAP_RISK_RATIO = 3
export const SEVERE_GAP_MIN_DIFFERENCE = 5

/** What the grade of a finding depends on besides its kind. */
export interface FindingFacts {
  kind: AlignmentFindingKind
  /** group_gap_unnamed: the group's rate over all other students' (null: the others had none). */
  riskRatio?: number | null
  /** group_gap_unnamed: the group's rate minus the others', in the measure's unit. */
  difference?: number
}

export const SEVERITY_RULE =
  'High: the plan points the wrong way or leaves students unserved — a target worse than its baseline, a district goal no school works on, or a student group whose rate is at least 3× the others’ and 5 points higher with no goal naming it. Medium: a gap that needs a goal (at least 2× and 2 points), a goal serving no district goal, a district goal whose goals have no cycle under way. Low: housekeeping — a goal without a cycle under way, a cycle without a measure.'

/**
 * The severity of an alignment finding. "High" is kept for findings that mean the plan is wrong or
 * leaves a priority or a group without any work: few per district, each one to act on now.
 */
export function gradeFinding(f: FindingFacts): FindingSeverity {
  switch (f.kind) {
    case 'goal_target_wrong_direction':
    case 'district_goal_without_goals':
      return 'high'
    case 'group_gap_unnamed': {
      const ratio = f.riskRatio === null ? Number.POSITIVE_INFINITY : (f.riskRatio ?? 0)
      const severe = ratio >= SEVERE_GAP_RISK_RATIO && (f.difference ?? 0) >= SEVERE_GAP_MIN_DIFFERENCE
      return severe ? 'high' : 'medium'
    }
    case 'goal_unaligned':
    case 'district_goal_without_active_cycle':
      return 'medium'
    case 'goal_without_active_cycle':
    case 'cycle_without_measure':
      return 'low'
  }
}

export const SEVERITY_ORDER: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2 }
