// One demo district per test file (building it takes a few seconds), with series look-ups.
import { buildDemoDistrict } from '../build-demo-district.ts'
import type { YearKey } from '../calendar.ts'
import { type MeasureCode, measureByCode } from '../measures.ts'
import { median } from '../series-index.ts'
import type { GroupCode } from '../student-groups.ts'
import type { DemoDistrict, DemoObservation } from '../types.ts'
import { gapSeries } from './approximate-verdict.ts'

export const FIXTURE_TODAY = '2026-11-24'

let cached: { district: DemoDistrict; index: Map<string, DemoObservation[]> } | undefined

function load() {
  if (!cached) {
    const district = buildDemoDistrict({ today: FIXTURE_TODAY })
    const index = new Map<string, DemoObservation[]>()
    for (const o of district.observations) {
      const key = `${o.measureCode}|${o.schoolCode}|${o.groupCode}`
      const list = index.get(key)
      if (list) list.push(o)
      else index.set(key, [o])
    }
    cached = { district, index }
  }
  return cached
}

export function demo(): DemoDistrict {
  return load().district
}

export function seriesOf(measure: MeasureCode, school: string, group: GroupCode): DemoObservation[] {
  return load().index.get(`${measure}|${school}|${group}`) ?? []
}

export function inYear(series: readonly DemoObservation[], year: YearKey): DemoObservation[] {
  const info = demo().years.find((y) => y.key === year)
  if (!info) return []
  return series.filter((o) => o.period >= addWeekBefore(info.firstDay) && o.period <= info.lastDay)
}

const addWeekBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10)

export const valuesOf = (series: readonly DemoObservation[]) => series.map((o) => o.value)
export const medianOf = (series: readonly DemoObservation[]) => median(valuesOf(series)) ?? Number.NaN

/** Focal − all other students, per period, as a series. */
export function gapOf(measure: MeasureCode, school: string, group: GroupCode): DemoObservation[] {
  return gapSeries(
    seriesOf(measure, school, 'ALL'),
    seriesOf(measure, school, group),
    measureByCode(measure).multiplier,
  )
}
