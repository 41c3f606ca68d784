// Look-ups into the generated observations: a series by measure × school × group, values at or
// before a date, window medians, and "all other students" derived from ALL minus the focal group.
import type { MeasureCode } from './measures.ts'
import type { GroupCode } from './student-groups.ts'
import type { DemoObservation } from './types.ts'

export interface SeriesIndex {
  series(measure: MeasureCode, school: string, group: GroupCode): readonly DemoObservation[]
  /** The last observation on or before the date. */
  lastOnOrBefore(measure: MeasureCode, school: string, group: GroupCode, date: string): DemoObservation | null
  /** Observations with from ≤ period ≤ to. */
  between(measure: MeasureCode, school: string, group: GroupCode, from: string, to: string): DemoObservation[]
  /** The value for all students outside the group, at the same period (null without numerators). */
  otherValue(measure: MeasureCode, school: string, group: GroupCode, period: string): number | null
}

const keyOf = (measure: string, school: string, group: string) => `${measure}|${school}|${group}`

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export function buildSeriesIndex(
  observations: readonly DemoObservation[],
  multiplierOf: (m: MeasureCode) => number,
): SeriesIndex {
  const map = new Map<string, DemoObservation[]>()
  for (const o of observations) {
    const key = keyOf(o.measureCode, o.schoolCode, o.groupCode)
    const list = map.get(key)
    if (list) list.push(o)
    else map.set(key, [o])
  }
  for (const list of map.values()) list.sort((a, b) => a.period.localeCompare(b.period))
  const series = (m: MeasureCode, s: string, g: GroupCode) => map.get(keyOf(m, s, g)) ?? []
  return {
    series,
    lastOnOrBefore(m, s, g, date) {
      let found: DemoObservation | null = null
      for (const o of series(m, s, g)) {
        if (o.period > date) break
        found = o
      }
      return found
    },
    between: (m, s, g, from, to) => series(m, s, g).filter((o) => o.period >= from && o.period <= to),
    otherValue(m, s, g, period) {
      const all = series(m, s, 'ALL').find((o) => o.period === period)
      const focal = series(m, s, g).find((o) => o.period === period)
      if (!all || !focal || all.numerator === null || all.denominator === null) return null
      if (focal.numerator === null || focal.denominator === null) return null
      const den = all.denominator - focal.denominator
      return den > 0 ? ((all.numerator - focal.numerator) / den) * multiplierOf(m) : null
    },
  }
}
