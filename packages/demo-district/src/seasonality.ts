// Daily absence multipliers: early-year lift, pre-break dip, winter flu season, end-of-year fatigue,
// Fridays. Normalised to mean 1 over the year so base rates stay the annual means.
import type { SchoolYear } from './calendar.ts'
import { SEASONALITY } from './config.ts'
import { daysBetween, monthOf, weekday } from './dates.ts'

export function absenceSeasonality(year: SchoolYear): Float64Array {
  const lastWeeks = new Set(year.weeks.slice(-3).map((w) => w.monday))
  const beforeBreak = year.weeks.find((w, i) => {
    const next = year.weeks[i + 1]
    return next !== undefined && monthOf(w.monday) === 12 && daysBetween(w.monday, next.monday) > 7
  })
  const raw = year.days.map((day, i) => {
    const week = year.weeks.find((w) => i >= w.firstDayIndex && i < w.firstDayIndex + w.days.length)
    const month = monthOf(day)
    let m = 1
    if (month === 8 || month === 9) m *= SEASONALITY.augSep
    if (month === 1 || month === 2) m *= SEASONALITY.janFeb
    if (week && week === beforeBreak) m *= SEASONALITY.weekBeforeWinterBreak
    if (week && lastWeeks.has(week.monday)) m *= SEASONALITY.lastThreeWeeks
    if (weekday(day) === 5) m *= SEASONALITY.friday
    return m
  })
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length
  return Float64Array.from(raw, (m) => m / mean)
}
