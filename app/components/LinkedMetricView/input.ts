// The measureSeries input of the linked-metric view, shared by the view and the loaders that prefetch it
// (the same object gives the same query key, so the server-rendered page arrives with its chart).
import type { ChartMode } from '~/components/LinkedMetricChart'

export function linkedMetricInput(
  measureId: string,
  schoolId: string,
  mode: ChartMode,
  groupId: string | null,
  /** A goal's chart: only the goal's own cycles (ADR 024). */
  goalId: string | null = null,
) {
  const subject = goalId ? { goalId } : {}
  if (mode === 'disaggregated') return { measureId, schoolId, view: 'disaggregated' as const, ...subject }
  if (mode === 'gap') {
    return {
      measureId,
      schoolId,
      view: 'gap' as const,
      ...(groupId ? { focalGroupId: groupId } : {}),
      ...subject,
    }
  }
  return {
    measureId,
    schoolId,
    view: 'single' as const,
    ...(groupId ? { groupIds: [groupId] } : {}),
    ...subject,
  }
}

/** The day after `end + lagDays` is no longer part of the cycle's window. */
export function windowEnd(window: { end: string; lagDays: number }): string {
  const t = Date.parse(`${window.end}T00:00:00Z`) + window.lagDays * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

type Verdict = 'improved' | 'worsened' | 'no_signal' | 'not_enough_data'

/** One label for a cycle's window: its verdicts agree, or they are mixed; null when it links none. */
export function windowVerdict(verdicts: readonly { verdict: Verdict }[]): Verdict | 'mixed' | null {
  const kinds = new Set(verdicts.map((v) => v.verdict))
  if (kinds.size === 0) return null
  if (kinds.has('improved') && kinds.has('worsened')) return 'mixed'
  for (const k of ['improved', 'worsened', 'no_signal', 'not_enough_data'] as const)
    if (kinds.has(k)) return k
  return null
}
