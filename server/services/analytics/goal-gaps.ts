// Equity gaps of goals, batched (three queries for any number of goals): the goal's measure at its
// school, focal group vs its reference, judged "since the baseline": baseline = the year of data before
// the goal's baseline date, evaluation = from the baseline date to the latest data (ADR 011).
import { type Actor, canReadGoal } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { toIsoDate } from '../shared.ts'
import { analyzeGap, type GapReferenceKind, type GapResult } from './gap-analysis.ts'
import { loadPrivacyContext, type PrivacyContext } from './privacy-context.ts'
import { loadSchoolCells, seriesKeyOf } from './school-cells.ts'

export type { GapVerdictKind } from './gap-analysis.ts'
export type GoalGap = GapResult & { goalId: string }

const DAY_MS = 86_400_000
/** Where the baseline year of a goal starts: 365 days before its baseline date. */
export const baselineFrom = (baselineDate: string) =>
  new Date(Date.parse(`${baselineDate}T00:00:00Z`) - 365 * DAY_MS).toISOString().slice(0, 10)

const goalSelect = {
  id: true,
  schoolId: true,
  teamId: true,
  measureId: true,
  focalGroupId: true,
  referenceKind: true,
  referenceGroupId: true,
  baselineDate: true,
  targetValue: true,
  measure: { select: { name: true, unit: true, multiplier: true, higherIsBetter: true, cadence: true } },
} as const

/** The gap of every goal the actor may read among `goalIds` (others are skipped silently). */
export async function computeGoalGaps({
  db,
  actor,
  goalIds,
  privacy,
}: {
  db: DbTx
  actor: Actor
  goalIds: readonly string[]
  privacy?: PrivacyContext
}): Promise<Map<string, GoalGap>> {
  const [rows, context] = await Promise.all([
    goalIds.length === 0
      ? Promise.resolve([])
      : db.equityGoal.findMany({
          where: { id: { in: [...new Set(goalIds)] }, districtId: actor.districtId },
          select: goalSelect,
        }),
    privacy ? Promise.resolve(privacy) : loadPrivacyContext(db, actor),
  ])
  const goals = rows.filter((g) => canReadGoal(actor, g))
  const from = goals.map((g) => baselineFrom(toIsoDate(g.baselineDate))).sort()[0]
  const tables = await loadSchoolCells({
    db,
    districtId: actor.districtId,
    keys: goals,
    privacy: context,
    from,
  })
  const out = new Map<string, GoalGap>()
  for (const goal of goals) {
    const table = tables.get(seriesKeyOf(goal))
    if (!table) continue
    const since = toIsoDate(goal.baselineDate)
    const gap = analyzeGap(
      table,
      {
        measure: goal.measure,
        focalGroupId: goal.focalGroupId,
        referenceKind: goal.referenceKind as GapReferenceKind,
        referenceGroupId: goal.referenceGroupId,
        targetValue: goal.targetValue,
        since,
        from: baselineFrom(since),
      },
      context,
    )
    out.set(goal.id, { goalId: goal.id, ...gap })
  }
  return out
}
