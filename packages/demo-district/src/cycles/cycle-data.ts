// Dates of a cycle from its timing, and the data around it (for results and the Study write-up).
import type { DemoCalendar, YearKey } from '../calendar.ts'
import { addDays, mondayOf, shortDate } from '../dates.ts'
import { formatValue } from '../format.ts'
import type { MeasureCode } from '../measures.ts'
import { median, type SeriesIndex } from '../series-index.ts'
import type { GroupCode } from '../student-groups.ts'
import type { CycleData, CycleTiming } from './script.ts'

export interface CycleDates {
  year: YearKey
  plannedStart: string
  plannedEnd: string
}

export function resolveDates(timing: CycleTiming, calendar: DemoCalendar): CycleDates {
  if ('window' in timing) {
    const { window } = timing
    const year = calendar.years[window.year]
    const first = year.weeks[window.start]
    const last = year.weeks[window.start + window.weeks - 1]
    if (!first || !last)
      throw new Error(`Cycle window outside ${window.year}: ${window.start}+${window.weeks}`)
    return {
      year: window.year,
      plannedStart: first.days[0] ?? first.monday,
      plannedEnd: last.days[last.days.length - 1] ?? last.monday,
    }
  }
  const plannedStart = addDays(calendar.todayMonday, 7 * timing.startWeek)
  return { year: 'Y3', plannedStart, plannedEnd: addDays(plannedStart, 7 * timing.weeks - 3) }
}

export function cycleData(
  index: SeriesIndex,
  schoolCode: string,
  dates: CycleDates,
  lagDays: number,
): CycleData {
  const windowStart = mondayOf(dates.plannedStart)
  const windowEnd = addDays(dates.plannedEnd, lagDays)
  const dayBefore = addDays(windowStart, -1)
  const inWindow = (m: MeasureCode, g: GroupCode) => index.between(m, schoolCode, g, windowStart, windowEnd)
  const beforeStart = (m: MeasureCode, g: GroupCode) =>
    index.series(m, schoolCode, g).filter((o) => o.period <= dayBefore)
  const gap = (m: MeasureCode, g: GroupCode, period: string | undefined, value: number | undefined) => {
    if (period === undefined || value === undefined) return null
    const other = index.otherValue(m, schoolCode, g, period)
    return other === null ? null : value - other
  }
  return {
    startLabel: shortDate(dates.plannedStart),
    endLabel: shortDate(dates.plannedEnd),
    before: (m, g = 'ALL') => beforeStart(m, g).at(-1)?.value ?? null,
    after: (m, g = 'ALL') => inWindow(m, g).at(-1)?.value ?? null,
    windowMedian: (m, g = 'ALL') => median(inWindow(m, g).map((o) => o.value)),
    baselineMedian: (m, g = 'ALL') =>
      median(
        beforeStart(m, g)
          .slice(-8)
          .map((o) => o.value),
      ),
    gapBefore: (m, g) => {
      const o = beforeStart(m, g).at(-1)
      return gap(m, g, o?.period, o?.value)
    },
    gapAfter: (m, g) => {
      const o = inWindow(m, g).at(-1)
      return gap(m, g, o?.period, o?.value)
    },
    fmt: (m, v) => formatValue(m, v),
  }
}
