// The district-wide derived figures the oversight screens share (every cycle's linked-measure verdicts,
// every goal's gap verdict, the large-gap scan), kept in memory per district while the district's
// data version is unchanged (docs/decisions/013-portfolio-and-alignment.md): triggers move the version on
// every write to what these figures read (observations, cycles and their measure links, goals and their
// alignments, measures, student groups, schools, teams and the district's settings). Each part is
// computed the first time a screen asks for it (the portfolio needs only verdicts, the equity matrix only
// gaps): for the demo district verdicts cost ~65 ms, gap verdicts ~40 ms, the scan ~12 ms; the check < 1 ms.
import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadCycleVerdictBadges, type VerdictBadge } from '../coach/cycle-verdict-badges.ts'
import { readDistrictDataVersion } from './data-version.ts'
import { type GapBadge, loadGoalGapBadges } from './goal-gap-badges.ts'
import { type GroupGapScan, scanGroupGaps } from './group-gaps.ts'

export { readDistrictDataVersion } from './data-version.ts'

export interface DistrictDerived {
  /** Verdict badges of every cycle of the district, as a district-wide reader sees them. */
  verdicts: Map<string, VerdictBadge[]>
  /** Gap badges of every non-archived equity goal. */
  gaps: Map<string, GapBadge>
  groupGaps: GroupGapScan
}
type Part = keyof DistrictDerived

/** Per district: the data version the figures belong to, and each part once somebody asked for it. */
interface CacheEntry {
  version: string
  parts: { [K in Part]?: Promise<DistrictDerived[K]> }
}

const cache = new Map<string, CacheEntry>()
const CACHE_LIMIT = 20

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
  groupGaps: (db, actor) => scanGroupGaps(db, districtReader(actor)),
}

function entryFor(districtId: string, version: string): CacheEntry {
  const hit = cache.get(districtId)
  if (hit && hit.version === version) return hit
  const entry: CacheEntry = { version, parts: {} }
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
 * data version is unchanged. Callers keep only what the actor may read (verdict kinds and gap verdicts
 * are computed with suppression for everyone, ADR 011).
 */
export async function districtDerived<K extends Part>(
  db: DbTx,
  actor: Actor,
  parts: readonly K[],
): Promise<Pick<DistrictDerived, K>> {
  const entry = entryFor(actor.districtId, await readDistrictDataVersion(db, actor.districtId))
  const result = {} as Pick<DistrictDerived, K>
  await Promise.all(
    parts.map(async (part) => {
      result[part] = await partOf(entry, part, db, actor)
    }),
  )
  return result
}

/** Forget everything (tests that need to start without cached figures). */
export function clearDistrictDerivedCache() {
  cache.clear()
}
