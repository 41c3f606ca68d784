import type { Actor, GapVerdictKindName } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { computeGoalGaps } from '../analytics/goal-gaps.ts'

export interface GapBadge {
  verdict: GapVerdictKindName
  message: string
  metric: 'difference' | 'risk_ratio'
  latestGap: number | null
  latestPeriod: string | null
  unit: string
}

/** The gap verdict of many equity goals (computed, with suppression, by the analytics service). */
export async function loadGoalGapBadges(
  db: DbTx,
  actor: Actor,
  goalIds: readonly string[],
): Promise<Map<string, GapBadge>> {
  if (goalIds.length === 0) return new Map()
  const gaps = await computeGoalGaps({ db, actor, goalIds })
  return new Map(
    [...gaps].map(([goalId, g]) => [
      goalId,
      {
        verdict: g.verdict,
        message: g.message,
        metric: g.metric,
        latestGap: g.latestGap,
        latestPeriod: g.latestPeriod,
        unit: g.unit,
      },
    ]),
  )
}
