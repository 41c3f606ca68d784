// The district-wide derived figures the oversight screens share (every cycle's linked-measure verdicts,
// every goal's gap verdict, the large-gap scan), kept in memory per district while the district's data
// fingerprint is unchanged (docs/decisions/013-portfolio-and-alignment.md). The fingerprint is one
// aggregate query over everything these figures read: observations, cycles and their links, goals and
// their alignments, measures, student groups and the district's suppression threshold. Each part is
// computed the first time a screen asks for it (the portfolio needs only verdicts, the equity matrix only
// gaps): for the demo district verdicts cost ~65 ms, gap verdicts ~40 ms, the scan ~12 ms; the check ~10 ms.
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
type Part = keyof DistrictDerived

/** Per district: the fingerprint the figures belong to, and each part once somebody asked for it. */
interface CacheEntry {
  fingerprint: string
  parts: { [K in Part]?: Promise<DistrictDerived[K]> }
}

const cache = new Map<string, CacheEntry>()
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

/** How each part is computed (each reads only what it needs, so a screen pays only for its parts). */
const computePart: { [K in Part]: (db: DbTx, actor: Actor) => Promise<DistrictDerived[K]> } = {
  async verdicts(db, actor) {
    const cycles = await db.pdsaCycle.findMany({
      where: { districtId: actor.districtId },
      select: { id: true },
    })
    return loadCycleVerdictBadges(
      db,
      districtReader(actor),
      cycles.map((c) => c.id),
    )
  },
  async gaps(db, actor) {
    const goals = await db.equityGoal.findMany({
      where: { districtId: actor.districtId, status: { not: 'archived' } },
      select: { id: true },
    })
    return loadGoalGapBadges(
      db,
      districtReader(actor),
      goals.map((g) => g.id),
    )
  },
  async groupGaps(db, actor) {
    const district = await db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { suppressionThreshold: true },
    })
    return scanGroupGaps(db, actor.districtId, district.suppressionThreshold)
  },
}

function entryFor(districtId: string, fingerprint: string): CacheEntry {
  const hit = cache.get(districtId)
  if (hit && hit.fingerprint === fingerprint) return hit
  const entry: CacheEntry = { fingerprint, parts: {} }
  cache.delete(districtId)
  cache.set(districtId, entry)
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  return entry
}

function partOf<K extends Part>(
  entry: CacheEntry,
  part: K,
  db: DbTx,
  actor: Actor,
): Promise<DistrictDerived[K]> {
  const cached = entry.parts[part] as Promise<DistrictDerived[K]> | undefined
  if (cached) return cached
  const value = computePart[part](db, actor)
  entry.parts[part] = value as CacheEntry['parts'][K]
  // A failure is not cached: the next request computes the part again.
  value.catch(() => {
    if (entry.parts[part] === value) delete entry.parts[part]
  })
  return value
}

/**
 * The parts of the district's derived figures a screen needs, from memory while the district's data
 * fingerprint is unchanged. Callers keep only what the actor may read (verdict kinds and gap verdicts
 * are computed with suppression for everyone, ADR 011).
 */
export async function districtDerived<K extends Part>(
  db: DbTx,
  actor: Actor,
  parts: readonly K[],
): Promise<Pick<DistrictDerived, K>> {
  const entry = entryFor(actor.districtId, await districtFingerprint(db, actor.districtId))
  const result = {} as Pick<DistrictDerived, K>
  await Promise.all(
    parts.map(async (part) => {
      result[part] = await partOf(entry, part, db, actor)
    }),
  )
  return result
}

/** Forget everything (tests that rewrite rows without changing the fingerprint's inputs). */
export function clearDistrictDerivedCache() {
  cache.clear()
}
