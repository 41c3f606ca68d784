// The district-wide derived figures the oversight screens share (every cycle's linked-measure verdicts,
// every goal's gap verdict, the large-gap scan), kept in memory per district while the district's data
// fingerprint is unchanged (docs/decisions/013-portfolio-and-alignment.md). The fingerprint is one
// aggregate query over everything these figures read: observations, cycles and their links, goals and
// their alignments, measures, student groups and the district's suppression threshold. Computing the
// figures costs hundreds of milliseconds for a district of twelve schools; the check costs a few.
import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadCycleVerdictBadges, type VerdictBadge } from '../coach/cycle-verdict-badges.ts'
import { type GapBadge, loadGoalGapBadges } from './goal-gap-badges.ts'
import { type GroupGapScan, scanGroupGaps } from './group-gaps.ts'

export interface DistrictDerived {
  /** Verdict badges of every cycle of the district, as a district-wide reader sees them. */
  verdicts: Map<string, VerdictBadge[]>
  /** Gap badges of every non-archived equity goal. */
  gaps: Map<string, GapBadge>
  groupGaps: GroupGapScan
}

const cache = new Map<string, { fingerprint: string; value: Promise<DistrictDerived> }>()
const CACHE_LIMIT = 20

/** One query: a text that changes whenever any input of the derived figures changes. */
export async function districtFingerprint(db: DbTx, districtId: string): Promise<string> {
  const rows = await db.$queryRaw<{ f: string }[]>`
    SELECT concat_ws('|',
      (SELECT concat_ws(':', count(*), max("updatedAt"), sum(value), sum(numerator), sum(denominator))
         FROM "Observation" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), max("updatedAt")) FROM "PdsaCycle" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), sum(hashtext(concat_ws(',', cm."cycleId", cm."measureId", cm."studentGroupId", cm."expectedDirection"))))
         FROM "CycleMeasure" cm JOIN "PdsaCycle" c ON c.id = cm."cycleId" WHERE c."districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), max("updatedAt")) FROM "EquityGoal" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), sum(hashtext(concat_ws(',', a."equityGoalId", a."districtGoalId"))))
         FROM "EquityGoalAlignment" a JOIN "EquityGoal" g ON g.id = a."equityGoalId" WHERE g."districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), max("updatedAt")) FROM "Measure" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), sum(hashtext(concat_ws(',', id, code, name, category, "sortOrder", "isActive"))))
         FROM "StudentGroup" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), max("updatedAt")) FROM "School" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', count(*), max("updatedAt")) FROM "Team" WHERE "districtId" = ${districtId}::uuid),
      (SELECT concat_ws(':', "updatedAt", "suppressionThreshold") FROM "District" WHERE id = ${districtId}::uuid)
    ) AS f`
  return rows[0]?.f ?? ''
}

/** A district-wide reader of the actor's district: the figures are the same for every such reader. */
const districtReader = (actor: Actor): Actor => ({
  ...actor,
  grants: [{ role: 'viewer', schoolId: null, teamId: null }],
})

async function compute(db: DbTx, actor: Actor): Promise<DistrictDerived> {
  const districtId = actor.districtId
  const [cycles, goals, threshold] = await Promise.all([
    db.pdsaCycle.findMany({ where: { districtId }, select: { id: true } }),
    db.equityGoal.findMany({ where: { districtId, status: { not: 'archived' } }, select: { id: true } }),
    db.district.findUniqueOrThrow({ where: { id: districtId }, select: { suppressionThreshold: true } }),
  ])
  const reader = districtReader(actor)
  const [verdicts, gaps, groupGaps] = await Promise.all([
    loadCycleVerdictBadges(
      db,
      reader,
      cycles.map((c) => c.id),
    ),
    loadGoalGapBadges(
      db,
      reader,
      goals.map((g) => g.id),
    ),
    scanGroupGaps(db, districtId, threshold.suppressionThreshold),
  ])
  return { verdicts, gaps, groupGaps }
}

/**
 * The district's derived figures, from memory when the fingerprint is unchanged. Callers keep only what
 * the actor may read (verdict kinds and gap verdicts are computed with suppression for everyone, ADR 011).
 */
export async function districtDerived(db: DbTx, actor: Actor): Promise<DistrictDerived> {
  const districtId = actor.districtId
  const fingerprint = await districtFingerprint(db, districtId)
  const hit = cache.get(districtId)
  if (hit && hit.fingerprint === fingerprint) return hit.value
  const value = compute(db, actor)
  cache.delete(districtId)
  cache.set(districtId, { fingerprint, value })
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  value.catch(() => {
    if (cache.get(districtId)?.value === value) cache.delete(districtId)
  })
  return value
}

/** Forget everything (tests that rewrite rows without changing the fingerprint's inputs). */
export function clearDistrictDerivedCache() {
  cache.clear()
}
