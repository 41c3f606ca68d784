// The live driver diagram: for every driver and change idea, how many cycles tested it, the latest
// decision, and whether the linked measures of those cycles show a signal; per change idea its ramp.
import { type ActDecision, type CycleStage, cycleHeadline, type MeasureFamily } from '@pdsa/domain'
import type { CycleVerdictKind } from './judge-link.ts'

export type SignalStatus = 'improved' | 'worsened' | 'mixed' | 'no_signal' | 'not_enough_data' | 'untested'

export interface SignalSummary {
  status: SignalStatus
  improved: number
  worsened: number
  noSignal: number
  notEnoughData: number
}

export interface LiveCycle {
  id: string
  title: string
  cycleNumber: number
  stage: CycleStage
  decision: ActDecision | null
  changeIdeaId: string | null
  driverIds: string[]
  createdAt: Date
  verdicts: {
    measureName: string
    measureFamily: MeasureFamily
    studentGroupName: string
    verdict: CycleVerdictKind
  }[]
}

export interface NodeSummary {
  cycleCount: number
  latestDecision: ActDecision | null
  /** The most recently created of the node's cycles (where its node links to), or null. */
  latestCycleId: string | null
  signal: SignalSummary
}

/** improved / worsened when the verdicts agree, mixed when they do not, else no signal or not enough data. */
export function summarizeVerdicts(verdicts: readonly CycleVerdictKind[]): SignalSummary {
  const count = (k: CycleVerdictKind) => verdicts.filter((v) => v === k).length
  const s = {
    improved: count('improved'),
    worsened: count('worsened'),
    noSignal: count('no_signal'),
    notEnoughData: count('not_enough_data'),
  }
  const status: SignalStatus =
    s.improved && s.worsened
      ? 'mixed'
      : s.improved
        ? 'improved'
        : s.worsened
          ? 'worsened'
          : s.noSignal
            ? 'no_signal'
            : s.notEnoughData
              ? 'not_enough_data'
              : 'untested'
  return { status, ...s }
}

function summarize(cycles: readonly LiveCycle[]): NodeSummary {
  const newestFirst = [...cycles].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const decided = newestFirst.find((c) => c.decision !== null)
  return {
    cycleCount: cycles.length,
    latestDecision: decided?.decision ?? null,
    latestCycleId: newestFirst[0]?.id ?? null,
    signal: summarizeVerdicts(cycles.flatMap((c) => c.verdicts.map((v) => v.verdict))),
  }
}

/**
 * A driver's cycles: those that target it, those testing a change idea linked to it, and (primary
 * drivers) those of its secondary drivers, each counted once.
 */
export function liveDiagram(
  drivers: readonly { id: string; parentId: string | null }[],
  ideaDrivers: readonly { changeIdeaId: string; driverId: string }[],
  cycles: readonly LiveCycle[],
) {
  const cyclesOf = new Map<string, Map<string, LiveCycle>>()
  const add = (nodeId: string, c: LiveCycle) => {
    const set = cyclesOf.get(nodeId) ?? new Map<string, LiveCycle>()
    set.set(c.id, c)
    cyclesOf.set(nodeId, set)
  }
  const parentOf = new Map(drivers.map((d) => [d.id, d.parentId]))
  const driversOfIdea = new Map<string, string[]>()
  for (const l of ideaDrivers)
    driversOfIdea.set(l.changeIdeaId, [...(driversOfIdea.get(l.changeIdeaId) ?? []), l.driverId])
  for (const c of cycles) {
    const targets = new Set([
      ...c.driverIds,
      ...(c.changeIdeaId ? (driversOfIdea.get(c.changeIdeaId) ?? []) : []),
    ])
    for (const id of targets) {
      add(id, c)
      const parent = parentOf.get(id)
      if (parent) add(parent, c)
    }
  }
  const byIdea = new Map<string, LiveCycle[]>()
  for (const c of cycles)
    if (c.changeIdeaId) byIdea.set(c.changeIdeaId, [...(byIdea.get(c.changeIdeaId) ?? []), c])
  const ramp = (list: LiveCycle[]) =>
    [...list]
      .sort((a, b) => a.cycleNumber - b.cycleNumber || a.createdAt.getTime() - b.createdAt.getTime())
      .map((c) => ({
        id: c.id,
        title: c.title,
        cycleNumber: c.cycleNumber,
        stage: c.stage,
        decision: c.decision,
        /** One verdict per cycle, leading with the outcome (ADR 024). */
        headline: cycleHeadline(c.verdicts),
        verdicts: c.verdicts,
      }))
  return {
    goal: summarize(cycles),
    drivers: Object.fromEntries(
      drivers.map((d) => [d.id, summarize([...(cyclesOf.get(d.id)?.values() ?? [])])]),
    ),
    changeIdeas: Object.fromEntries(
      [...byIdea].map(([id, list]) => [id, { ...summarize(list), ramp: ramp(list) }]),
    ),
  }
}
export type LiveDiagram = ReturnType<typeof liveDiagram>
