import type { Actor, CycleVerdictKindName, MeasureFamily } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { computeCycleVerdicts } from '../analytics/cycle-verdicts.ts'

export interface VerdictBadge {
  measureId: string
  measureName: string
  /** Outcome, process, driver or balancing: the cycle's headline leads with the outcome (ADR 024). */
  measureFamily: MeasureFamily
  studentGroupName: string | null
  verdict: CycleVerdictKindName
  /** The verdict's sentence followed by its method in words. */
  message: string
}

/**
 * The linked-measure verdicts of many cycles (computed by the analytics service, which skips cycles the
 * actor may not read and suppresses small cells), trimmed to what lists show: which measure, for which
 * group, the verdict and its sentence.
 */
export async function loadCycleVerdictBadges(
  db: DbTx,
  actor: Actor,
  cycleIds: readonly string[],
): Promise<Map<string, VerdictBadge[]>> {
  if (cycleIds.length === 0) return new Map()
  const verdicts = await computeCycleVerdicts({ db, actor, cycleIds })
  return new Map(
    [...verdicts].map(([cycleId, list]) => [
      cycleId,
      list.map((v) => ({
        measureId: v.measureId,
        measureName: v.measureName,
        measureFamily: v.measureFamily,
        studentGroupName: v.studentGroupId ? v.studentGroupName : null,
        verdict: v.verdict,
        // The sentence, then how it was judged (the comparison and the limits), as the verdict card says it.
        message: v.method ? `${v.message} ${v.method.summary}` : v.message,
      })),
    ]),
  )
}
