// Observations of measures at schools, every student group, as released (docs/decisions/017): the cells
// of one (measure, school) series after the one release decision of the series (release.ts), which every
// chart, verdict card, gap series and export reads. Loaded with one query for any number of series.
import type { DbTx } from '../../db/client.ts'
import type { PrivacyContext } from './privacy-context.ts'
import {
  type CellDecision,
  loadSeriesReleases,
  type ReleasedCell,
  type SeriesKey,
  type SeriesRelease,
  seriesKeyOf,
} from './release.ts'

export type { SeriesKey } from './release.ts'
export { seriesKeyOf } from './release.ts'

/** One group's value for one period, as released (numbers null unless shown). */
export interface Cell {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  /** Not shown as its value: hidden, or released only as a range (`release.kind === 'coded'`). */
  suppressed: boolean
  release: CellDecision
}

const EMPTY: SeriesRelease = { periods: [], cells: new Map(), otherThanHidden: new Map() }

/** Every group's released cells of one measure at one school, period by period. */
export class SchoolCells {
  readonly periods: string[]

  constructor(
    private readonly release: SeriesRelease = EMPTY,
    range: { from?: string | undefined; to?: string | undefined } = {},
  ) {
    const { from, to } = range
    this.periods = release.periods.filter((p) => (!from || p >= from) && (!to || p <= to))
  }

  isHidden(period: string, groupId: string): boolean {
    const cell = this.release.cells.get(period)?.get(groupId)
    return cell !== undefined && cell.decision.kind !== 'shown'
  }

  /** Whether "all students other than the group" may not be derived for the period. */
  isOtherThanHidden(period: string, groupId: string): boolean {
    return this.release.otherThanHidden.get(period)?.has(groupId) ?? false
  }

  /** The group's cells in period order (periods where the group has no observation are left out). */
  series(groupId: string): Cell[] {
    const out: Cell[] = []
    for (const period of this.periods) {
      const cell = this.at(period, groupId)
      if (cell) out.push(cell)
    }
    return out
  }

  /** One cell, or undefined when the group has no observation in the period. */
  at(period: string, groupId: string): Cell | undefined {
    const cell = this.release.cells.get(period)?.get(groupId)
    return cell ? toCell(cell) : undefined
  }

  groupIds(): Set<string> {
    const ids = new Set<string>()
    for (const period of this.periods) {
      for (const id of this.release.cells.get(period)?.keys() ?? []) ids.add(id)
    }
    return ids
  }
}

function toCell(c: ReleasedCell): Cell {
  return {
    period: c.period,
    value: c.value,
    numerator: c.numerator,
    denominator: c.denominator,
    suppressed: c.decision.kind !== 'shown',
    release: c.decision,
  }
}

/**
 * Released cells of every (measure, school) series asked for, all groups, limited to [from, to] (the
 * decision itself always covers the whole series, so a shorter range never shows more). A series without
 * observations is an empty table.
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
  const releases = await loadSeriesReleases({ db, districtId, keys, privacy })
  const out = new Map<string, SchoolCells>()
  for (const k of keys) {
    const key = seriesKeyOf(k)
    if (out.has(key)) continue
    out.set(key, new SchoolCells(releases.get(key) ?? EMPTY, { from, to }))
  }
  return out
}
