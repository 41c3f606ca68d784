// The plan cascade as a tree: district goal → school and team goals → change ideas → cycles → measures,
// with counts and verdicts at each level (built in memory from loadAlignmentData).
import {
  CYCLE_VERDICT_KINDS,
  type CycleStage,
  type CycleVerdictKindName,
  cycleHeadline,
  GAP_VERDICT_KINDS,
  type GapVerdictKindName,
} from '@pdsa/domain'
import type { AlignmentData } from './alignment-data.ts'
import { emptyStageCounts, type StageCounts } from './cycles-by-stage.ts'

export const ACTIVE_STAGES: readonly CycleStage[] = ['plan', 'do', 'study', 'act']
export type VerdictCounts = Record<CycleVerdictKindName, number>
export type GapCounts = Record<GapVerdictKindName, number>

const zeroVerdicts = () => Object.fromEntries(CYCLE_VERDICT_KINDS.map((k) => [k, 0])) as VerdictCounts
const zeroGaps = () => Object.fromEntries(GAP_VERDICT_KINDS.map((k) => [k, 0])) as GapCounts

function addVerdicts(into: VerdictCounts, from: VerdictCounts) {
  for (const k of CYCLE_VERDICT_KINDS) into[k] += from[k]
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row])
  return out
}

export function buildAlignmentTree(data: AlignmentData) {
  const schoolOf = new Map(data.schools.map((s) => [s.id, { id: s.id, name: s.name }]))
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]))
  const cyclesByGoal = groupBy(data.cycles, (c) => c.goalId)
  const ideasByGoal = groupBy(data.changeIdeas, (i) => i.goalId)

  const cycleNode = (c: AlignmentData['cycles'][number]) => {
    const badges = data.verdicts.get(c.id) ?? []
    const verdicts = zeroVerdicts()
    for (const b of badges) verdicts[b.verdict] += 1
    return {
      id: c.id,
      title: c.title,
      stage: c.stage as CycleStage,
      cycleNumber: c.cycleNumber,
      decision: c.decision,
      changeIdeaId: c.changeIdeaId,
      team: c.team,
      verdicts,
      /** One verdict per cycle, leading with the outcome (ADR 024). */
      headline: cycleHeadline(badges),
      measures: c.measures.map((m) => {
        const badge = badges.find((b) => b.measureId === m.measure.id)
        return {
          id: m.measure.id,
          name: m.measure.name,
          studentGroupName: m.studentGroup?.name ?? null,
          verdict: badge?.verdict ?? null,
          message: badge?.message ?? null,
        }
      }),
    }
  }
  type CycleNode = ReturnType<typeof cycleNode>
  const summarize = (cycles: readonly CycleNode[]) => {
    const stages: StageCounts = emptyStageCounts()
    const verdicts = zeroVerdicts()
    for (const c of cycles) {
      stages[c.stage] += 1
      addVerdicts(verdicts, c.verdicts)
    }
    const active = cycles.filter((c) => ACTIVE_STAGES.includes(c.stage)).length
    return { stages, verdicts, cycleCount: cycles.length, activeCycles: active }
  }

  const goalNodes = data.goals.map((g) => {
    const cycles = (cyclesByGoal.get(g.id) ?? []).map(cycleNode)
    const changeIdeas = (ideasByGoal.get(g.id) ?? []).map((idea) => {
      const own = cycles.filter((c) => c.changeIdeaId === idea.id)
      const latest = [...own].reverse().find((c) => c.decision !== null)
      return { ...idea, latestDecision: latest?.decision ?? null, ...summarize(own), cycles: own }
    })
    const ideaIds = new Set(changeIdeas.map((i) => i.id))
    return {
      id: g.id,
      title: g.title,
      status: g.status,
      school: schoolOf.get(g.schoolId) ?? { id: g.schoolId, name: '' },
      team: g.team,
      focalGroupName: groupName.get(g.focalGroupId) ?? '',
      measure: { id: g.measure.id, name: g.measure.name },
      districtGoalIds: g.alignments.map((a) => a.districtGoalId),
      gap: data.gaps.get(g.id) ?? null,
      changeIdeaCount: changeIdeas.length,
      ...summarize(cycles),
      changeIdeas,
      /** Cycles of the goal that test no recorded change idea. */
      otherCycles: cycles.filter((c) => !c.changeIdeaId || !ideaIds.has(c.changeIdeaId)),
    }
  })
  type GoalNode = (typeof goalNodes)[number]

  const rollUp = (goals: readonly GoalNode[]) => {
    const stages: StageCounts = emptyStageCounts()
    const verdicts = zeroVerdicts()
    const gaps = zeroGaps()
    for (const g of goals) {
      for (const s of Object.keys(stages) as CycleStage[]) stages[s] += g.stages[s]
      addVerdicts(verdicts, g.verdicts)
      if (g.gap) gaps[g.gap.verdict] += 1
    }
    return {
      schoolCount: new Set(goals.map((g) => g.school.id)).size,
      goalCount: goals.length,
      changeIdeaCount: goals.reduce((n, g) => n + g.changeIdeaCount, 0),
      cycleCount: goals.reduce((n, g) => n + g.cycleCount, 0),
      activeCycles: goals.reduce((n, g) => n + g.activeCycles, 0),
      stages,
      verdicts,
      gaps,
    }
  }
  const districtGoals = data.districtGoals.map((d) => {
    const goals = goalNodes.filter((g) => g.districtGoalIds.includes(d.id))
    return { ...d, ...rollUp(goals), goals }
  })
  const unalignedGoals = goalNodes.filter((g) => g.districtGoalIds.length === 0)
  return {
    districtGoals,
    unaligned: { ...rollUp(unalignedGoals), goals: unalignedGoals },
    goals: goalNodes,
  }
}
export type AlignmentTree = ReturnType<typeof buildAlignmentTree>
export type AlignmentGoalNode = AlignmentTree['goals'][number]
