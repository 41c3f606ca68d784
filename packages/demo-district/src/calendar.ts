// School-year calendars relative to `today`: Y1 = the year that ended two summers ago, Y2 = the last
// full year, Y3 = the current year up to the last full week before today. 180 instructional days
// from a mid-August Wednesday, with California-style holidays and breaks.
import {
  addDays,
  assertIsoDate,
  isoDate,
  mondayOf,
  nthWeekday,
  toDayNumber,
  weekday,
  yearOf,
} from './dates.ts'

export const INSTRUCTIONAL_DAYS = 180
export const YEAR_KEYS = ['Y1', 'Y2', 'Y3'] as const
export type YearKey = (typeof YEAR_KEYS)[number]

export interface SchoolWeek {
  /** 0-based instructional week of the year. */
  index: number
  /** Monday of the week: the period key of weekly observations. */
  monday: string
  /** Instructional days in the week (1–5). */
  days: string[]
  /** Index of the week's first day in the year's day list. */
  firstDayIndex: number
  semester: 1 | 2
}

export interface SchoolYear {
  key: YearKey
  startYear: number
  /** e.g. "2025-26" */
  label: string
  firstDay: string
  lastDay: string
  days: string[]
  weeks: SchoolWeek[]
  /** Weeks with data: all of them for a past year, the full weeks before `today` for the current one. */
  observedWeeks: number
  /** Index of the first week of semester 2. */
  semesterTwoWeek: number
  /** Weeks (indices) at whose end progress reports / marking-period grades are issued. */
  progressReportWeeks: number[]
}

export interface DemoCalendar {
  today: string
  /** Monday of today's week. */
  todayMonday: string
  years: Record<YearKey, SchoolYear>
}

function firstInstructionalDay(startYear: number): string {
  const aug12 = isoDate(startYear, 8, 12)
  return addDays(aug12, (3 - weekday(aug12) + 7) % 7) // the Wednesday on or after Aug 12
}

function observedHoliday(iso: string): string {
  const dow = weekday(iso)
  if (dow === 6) return addDays(iso, -1)
  if (dow === 0) return addDays(iso, 1)
  return iso
}

function range(fromIso: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(fromIso, i))
}

/** Days without school in the year starting in August of `startYear`. */
export function closedDays(startYear: number): Set<string> {
  const next = startYear + 1
  const thanksgiving = nthWeekday(startYear, 11, 4, 4)
  const winterStart = mondayOf(isoDate(startYear, 12, 24))
  const mar25 = isoDate(next, 3, 25)
  const springStart = addDays(mar25, (1 - weekday(mar25) + 7) % 7)
  return new Set([
    nthWeekday(startYear, 9, 1, 1), // Labor Day
    observedHoliday(isoDate(startYear, 11, 11)), // Veterans Day
    ...range(addDays(thanksgiving, -1), 3), // Thanksgiving Wednesday–Friday
    ...range(winterStart, 14), // two-week winter break
    observedHoliday(isoDate(next, 1, 1)),
    nthWeekday(next, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(next, 2, 1, 3), // Presidents' Day
    ...range(springStart, 5), // spring break
    nthWeekday(next, 5, 1, -1), // Memorial Day
  ])
}

function instructionalDays(startYear: number): string[] {
  const closed = closedDays(startYear)
  const days: string[] = []
  let day = firstInstructionalDay(startYear)
  while (days.length < INSTRUCTIONAL_DAYS) {
    const dow = weekday(day)
    if (dow >= 1 && dow <= 5 && !closed.has(day)) days.push(day)
    day = addDays(day, 1)
  }
  return days
}

function groupIntoWeeks(days: string[]): SchoolWeek[] {
  const weeks: SchoolWeek[] = []
  days.forEach((day, dayIndex) => {
    const monday = mondayOf(day)
    const last = weeks[weeks.length - 1]
    if (last && last.monday === monday) last.days.push(day)
    else weeks.push({ index: weeks.length, monday, days: [day], firstDayIndex: dayIndex, semester: 1 })
  })
  const half = INSTRUCTIONAL_DAYS / 2
  for (const week of weeks) week.semester = week.firstDayIndex >= half ? 2 : 1
  return weeks
}

export function buildSchoolYear(key: YearKey, startYear: number, today: string | null): SchoolYear {
  const days = instructionalDays(startYear)
  const weeks = groupIntoWeeks(days)
  const semesterTwoWeek = weeks.findIndex((w) => w.semester === 2)
  const lastWeek = weeks.length - 1
  const observedWeeks =
    today === null ? weeks.length : weeks.filter((w) => addDays(w.monday, 4) < today).length
  return {
    key,
    startYear,
    label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    firstDay: days[0] ?? '',
    lastDay: days[days.length - 1] ?? '',
    days,
    weeks,
    observedWeeks,
    semesterTwoWeek,
    progressReportWeeks: [5, 11, semesterTwoWeek - 1, semesterTwoWeek + 5, semesterTwoWeek + 11, lastWeek],
  }
}

/** The start year of the current school year: a new year counts once its first two weeks are over. */
export function currentStartYear(today: string): number {
  const year = yearOf(today)
  const started = toDayNumber(today) >= toDayNumber(firstInstructionalDay(year)) + 14
  return started ? year : year - 1
}

export function buildDemoCalendar(today: string): DemoCalendar {
  assertIsoDate(today)
  const s = currentStartYear(today)
  return {
    today,
    todayMonday: mondayOf(today),
    years: {
      Y1: buildSchoolYear('Y1', s - 2, null),
      Y2: buildSchoolYear('Y2', s - 1, null),
      Y3: buildSchoolYear('Y3', s, today),
    },
  }
}

/** Every observed week of the three years, in time order. */
export function observedWeeks(calendar: DemoCalendar): { year: SchoolYear; week: SchoolWeek }[] {
  return YEAR_KEYS.flatMap((key) => {
    const year = calendar.years[key]
    return year.weeks.slice(0, year.observedWeeks).map((week) => ({ year, week }))
  })
}
