// Observations of measures at schools, every student group, with the privacy rule of ADR 011 applied:
// in analytics (charts, verdicts, gaps, exports) small cells and their complements are hidden for
// everyone. Loaded with one query for any number of (measure, school) series.
import { otherThanCellId, suppressPeriod } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { toIsoDate } from '../shared.ts'
import type { PrivacyContext } from './privacy-context.ts'

export interface SeriesKey {
  measureId: string
  schoolId: string
}

/** One group's value for one period, after suppression (numbers null when suppressed). */
export interface Cell {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  suppressed: boolean
}

interface RawCell {
  value: number
  numerator: number | null
  denominator: number | null
}

export const seriesKeyOf = (k: SeriesKey) => `${k.measureId}:${k.schoolId}`

/** Every group's cells of one measure at one school, period by period, with the hidden cells known. */
export class SchoolCells {
  readonly periods: string[]
  private readonly hidden = new Map<string, ReadonlyMap<string, unknown>>()

  constructor(
    private readonly byPeriod: Map<string, Map<string, RawCell>>,
    privacy: PrivacyContext,
  ) {
    this.periods = [...byPeriod.keys()].sort()
    for (const [period, cells] of byPeriod) {
      const counted = [...cells].map(([groupId, c]) => ({ groupId, n: c.denominator }))
      // Fast path: nothing below the threshold (derived complements included) means nothing hidden.
      if (!needsSuppression(counted, privacy)) continue
      this.hidden.set(period, suppressPeriod(counted, privacy.groups, privacy.threshold))
    }
  }

  isHidden(period: string, groupId: string): boolean {
    return this.hidden.get(period)?.has(groupId) ?? false
  }

  /** Whether "all students other than the group" may be derived for the period. */
  isOtherThanHidden(period: string, groupId: string): boolean {
    const hidden = this.hidden.get(period)
    return (hidden?.has(groupId) || hidden?.has(otherThanCellId(groupId))) ?? false
  }

  /** The group's cells in period order (periods where the group has no observation are left out). */
  series(groupId: string): Cell[] {
    const out: Cell[] = []
    for (const period of this.periods) {
      const raw = this.byPeriod.get(period)?.get(groupId)
      if (!raw) continue
      out.push(this.cell(period, groupId, raw))
    }
    return out
  }

  /** One cell, or undefined when the group has no observation in the period. */
  at(period: string, groupId: string): Cell | undefined {
    const raw = this.byPeriod.get(period)?.get(groupId)
    return raw ? this.cell(period, groupId, raw) : undefined
  }

  groupIds(): Set<string> {
    const ids = new Set<string>()
    for (const cells of this.byPeriod.values()) for (const id of cells.keys()) ids.add(id)
    return ids
  }

  private cell(period: string, groupId: string, raw: RawCell): Cell {
    if (this.isHidden(period, groupId)) {
      return { period, value: null, numerator: null, denominator: null, suppressed: true }
    }
    return { period, ...raw, suppressed: false }
  }
}

function needsSuppression(cells: { groupId: string; n: number | null }[], privacy: PrivacyContext): boolean {
  const small = (n: number) => n > 0 && n < privacy.threshold
  const all = privacy.allGroup ? cells.find((c) => c.groupId === privacy.allGroup?.id)?.n : null
  for (const c of cells) {
    if (c.n === null) continue
    if (small(c.n)) return true
    const category = privacy.groupById.get(c.groupId)?.category
    if (category === 'program' && all !== null && all !== undefined && small(Math.max(0, all - c.n))) {
      return true
    }
  }
  return false
}

type RawTable = Map<string, Map<string, RawCell>>

/**
 * Raw cells of recently read series, reused while their data version (row count, latest update, sums of
 * values and denominators, read with one cheap aggregate query) is unchanged. Loading thousands of rows
 * costs far more than that check (5 years × 10 groups of weekly data: ~2,600 rows). Suppression is
 * applied after the cache, on every read.
 */
const rawCache = new Map<string, { version: string; table: RawTable }>()
const RAW_CACHE_LIMIT = 100

const cacheKeyOf = (districtId: string, k: SeriesKey) => `${districtId}:${seriesKeyOf(k)}`

function remember(key: string, version: string, table: RawTable) {
  rawCache.delete(key)
  rawCache.set(key, { version, table })
  if (rawCache.size > RAW_CACHE_LIMIT) {
    const oldest = rawCache.keys().next().value
    if (oldest !== undefined) rawCache.delete(oldest)
  }
}

/** Forget every cached series (tests that rewrite history in place use it). */
export function clearSchoolCellsCache() {
  rawCache.clear()
}

async function seriesVersions(db: DbTx, districtId: string, keys: readonly SeriesKey[]) {
  const rows = await db.observation.groupBy({
    by: ['measureId', 'schoolId'],
    where: { districtId, OR: keys.map((k) => ({ measureId: k.measureId, schoolId: k.schoolId })) },
    _count: { _all: true },
    _max: { updatedAt: true },
    _sum: { value: true, denominator: true, numerator: true },
  })
  return new Map(
    rows.map((r) => [
      seriesKeyOf(r),
      [
        r._count._all,
        r._max.updatedAt?.getTime() ?? 0,
        r._sum.value ?? 0,
        r._sum.denominator ?? 0,
        r._sum.numerator ?? 0,
      ].join(':'),
    ]),
  )
}

async function loadRawTables(db: DbTx, districtId: string, keys: readonly SeriesKey[]) {
  const tables = new Map<string, RawTable>()
  if (keys.length === 0) return tables
  const rows = await db.observation.findMany({
    where: { districtId, OR: keys.map((k) => ({ measureId: k.measureId, schoolId: k.schoolId })) },
    select: {
      measureId: true,
      schoolId: true,
      studentGroupId: true,
      period: true,
      value: true,
      numerator: true,
      denominator: true,
    },
  })
  for (const r of rows) {
    const key = seriesKeyOf(r)
    const table = tables.get(key) ?? new Map<string, Map<string, RawCell>>()
    tables.set(key, table)
    const period = toIsoDate(r.period)
    const cells = table.get(period) ?? new Map<string, RawCell>()
    table.set(period, cells)
    cells.set(r.studentGroupId, { value: r.value, numerator: r.numerator, denominator: r.denominator })
  }
  return tables
}

function withinRange(table: RawTable, from: string | undefined, to: string | undefined): RawTable {
  if (!from && !to) return table
  return new Map([...table].filter(([period]) => (!from || period >= from) && (!to || period <= to)))
}

/**
 * Cells of every (measure, school) series asked for, all groups: one aggregate query for the data
 * versions, then one query for the series not cached at their current version.
 */
export async function loadSchoolCells({
  db,
  districtId,
  keys,
  privacy,
  from,
  to,
}: {
  db: DbTx
  districtId: string
  keys: readonly SeriesKey[]
  privacy: PrivacyContext
  from?: string | undefined
  to?: string | undefined
}): Promise<Map<string, SchoolCells>> {
  const unique = [...new Map(keys.map((k) => [seriesKeyOf(k), k])).values()]
  if (unique.length === 0) return new Map()
  const versions = await seriesVersions(db, districtId, unique)
  const raw = new Map<string, RawTable>()
  const stale: SeriesKey[] = []
  for (const k of unique) {
    const version = versions.get(seriesKeyOf(k))
    if (version === undefined) continue // no observations at all
    const cached = rawCache.get(cacheKeyOf(districtId, k))
    if (cached && cached.version === version) raw.set(seriesKeyOf(k), cached.table)
    else stale.push(k)
  }
  const loaded = await loadRawTables(db, districtId, stale)
  for (const k of stale) {
    const table = loaded.get(seriesKeyOf(k)) ?? new Map()
    raw.set(seriesKeyOf(k), table)
    remember(cacheKeyOf(districtId, k), versions.get(seriesKeyOf(k)) ?? '', table)
  }
  const out = new Map<string, SchoolCells>()
  for (const k of unique) {
    const table = raw.get(seriesKeyOf(k)) ?? new Map()
    out.set(seriesKeyOf(k), new SchoolCells(withinRange(table, from, to), privacy))
  }
  return out
}
