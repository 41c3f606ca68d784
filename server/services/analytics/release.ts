// The one small-cell release of a (measure, school) series (docs/decisions/017): which cells every
// surface may show, decided once over every period and every student group of the series, and read by
// charts, data tables, verdicts, gap series, the equity matrix, goal pages, search, portfolio, alignment,
// print pages, CSV exports and the API alike. Raw values leave the server only through the data-entry
// grid (observations/entry-grid.ts). Decisions are cached per series while the district's data version
// (trigger-maintained, moved by every write to observations, measures, groups and district settings)
// is unchanged; after a change, a series whose own rows and inputs did not change keeps its decision.
import type { ChartType } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { readDistrictDataVersion } from '../district/data-version.ts'
import type { PrivacyContext } from './privacy-context.ts'
import { decideRelease, type ReleasedCell } from './release-decision.ts'
import { loadRawTables, rowVersions } from './release-rows.ts'

export type { CellDecision, ReleasedCell } from './release-decision.ts'

export interface SeriesKey {
  measureId: string
  schoolId: string
}

export const seriesKeyOf = (k: SeriesKey) => `${k.measureId}:${k.schoolId}`

/** The released cells of one (measure, school) series: period → group id → cell. */
export interface SeriesRelease {
  /** Periods with at least one observation, ascending. */
  periods: string[]
  cells: Map<string, Map<string, ReleasedCell>>
  /** period → groups whose derived "all students other than the group" cell is not shown. */
  otherThanHidden: Map<string, Set<string>>
}

interface CacheEntry {
  districtVersion: string
  /** The series' own rows and every input of its decision. */
  inputVersion: string
  release: SeriesRelease
}

const cache = new Map<string, CacheEntry>()
/** Decisions under way, by cache key and input version. */
const pending = new Map<string, Promise<SeriesRelease>>()
/** The demo district has ~300 series; a few districts' worth fit. */
const CACHE_LIMIT = 5_000

function remember(key: string, entry: CacheEntry) {
  cache.delete(key)
  cache.set(key, entry)
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
}

/** Forget every cached release (tests that rewrite history in place, benchmarks of a cold start). */
export function clearReleaseCache() {
  cache.clear()
}

/** What a decision depends on besides the series' rows: threshold, groups, year start, accumulation. */
function contextVersion(privacy: PrivacyContext, measure: MeasureRule | undefined): string {
  const groups = privacy.groups.map((g) => `${g.id}/${g.category}/${g.sortOrder}`).join(',')
  return `${privacy.threshold}|${privacy.schoolYearStart}|${measure?.accumulation}|${measure?.chartType}|${groups}`
}

interface MeasureRule {
  accumulation: 'period' | 'to_date'
  chartType: ChartType
}

const EMPTY: SeriesRelease = { periods: [], cells: new Map(), otherThanHidden: new Map() }

/**
 * The release of every (measure, school) series asked for. Warm: one primary-key lookup. After a data
 * change: one aggregate query for the series' row versions, one for the measures' accumulation, and one
 * load of the rows of the series whose inputs changed. Series without observations are absent.
 */
export async function loadSeriesReleases({
  db,
  districtId,
  keys,
  privacy,
}: {
  db: DbTx
  districtId: string
  keys: readonly SeriesKey[]
  privacy: PrivacyContext
}): Promise<Map<string, SeriesRelease>> {
  const unique = [...new Map(keys.map((k) => [seriesKeyOf(k), k])).values()]
  const out = new Map<string, SeriesRelease>()
  if (unique.length === 0) return out
  const districtVersion = await readDistrictDataVersion(db, districtId)
  const cacheKey = (k: SeriesKey) => `${districtId}:${seriesKeyOf(k)}`
  const unsure = unique.filter((k) => {
    const hit = cache.get(cacheKey(k))
    if (hit?.districtVersion !== districtVersion) return true
    if (hit.release !== EMPTY) out.set(seriesKeyOf(k), hit.release)
    return false
  })
  if (unsure.length === 0) return out
  const [versions, measures] = await Promise.all([
    rowVersions(db, districtId, unsure),
    db.measure.findMany({
      where: { districtId, id: { in: [...new Set(unsure.map((k) => k.measureId))] } },
      select: { id: true, accumulation: true, chartType: true },
    }),
  ])
  const ruleOf = new Map(
    measures.map((m): [string, MeasureRule] => [
      m.id,
      { accumulation: m.accumulation, chartType: m.chartType as ChartType },
    ]),
  )
  const inputVersionOf = (k: SeriesKey) =>
    `${versions.get(seriesKeyOf(k)) ?? 'none'}|${contextVersion(privacy, ruleOf.get(k.measureId))}`
  const stale = unsure.filter((k) => {
    const hit = cache.get(cacheKey(k))
    const inputVersion = inputVersionOf(k)
    if (hit?.inputVersion !== inputVersion) return true
    remember(cacheKey(k), { ...hit, districtVersion })
    if (hit.release !== EMPTY) out.set(seriesKeyOf(k), hit.release)
    return false
  })
  // A series being decided by a concurrent request (the oversight screens compute their parts in
  // parallel) is awaited, not decided twice.
  const waiting: [SeriesKey, Promise<SeriesRelease>][] = []
  const toDecide: SeriesKey[] = []
  for (const k of stale) {
    const inFlight = pending.get(`${cacheKey(k)}|${inputVersionOf(k)}`)
    if (inFlight) waiting.push([k, inFlight])
    else toDecide.push(k)
  }
  const decided = (async () => {
    const loaded = await loadRawTables(
      db,
      districtId,
      toDecide.filter((k) => versions.has(seriesKeyOf(k))),
    )
    const releases = new Map<string, SeriesRelease>()
    for (const k of toDecide) {
      const table = loaded.get(seriesKeyOf(k))
      const rule = ruleOf.get(k.measureId)
      const release = table && rule ? decideRelease(table, privacy, rule) : EMPTY
      remember(cacheKey(k), { districtVersion, inputVersion: inputVersionOf(k), release })
      releases.set(seriesKeyOf(k), release)
    }
    return releases
  })()
  for (const k of toDecide) {
    const id = `${cacheKey(k)}|${inputVersionOf(k)}`
    const release = decided.then((releases) => releases.get(seriesKeyOf(k)) ?? EMPTY)
    pending.set(id, release)
    release.then(
      () => pending.delete(id),
      () => pending.delete(id),
    )
    waiting.push([k, release])
  }
  for (const [k, release] of waiting) {
    const r = await release
    if (r !== EMPTY) out.set(seriesKeyOf(k), r)
  }
  return out
}

/** Whether the released cell is shown as its value (not hidden, not a range). */
export const isShown = (cell: ReleasedCell | undefined): cell is ReleasedCell =>
  cell !== undefined && cell.decision.kind === 'shown'
