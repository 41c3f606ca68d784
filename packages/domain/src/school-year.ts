// The school year a date belongs to, from the district's school-year start ('MM-DD'): year-to-date
// measures restart on it. Pure: dates are ISO strings, never read from a clock.

/** July 1, the CALPADS school year (and the default of a new district). */
export const DEFAULT_SCHOOL_YEAR_START = '07-01'

const MONTH_DAY = /^(\d{2})-(\d{2})$/
/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const
/** Days in each month of a common year: February 29 exists only in some years, so no year can start on it. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** The month (1–12) and day of a valid 'MM-DD', or null. */
function monthDay(text: string): { month: number; day: number } | null {
  const match = MONTH_DAY.exec(text)
  if (!match) return null
  const month = Number(match[1])
  const day = Number(match[2])
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number)) return null
  return { month, day }
}

/** Whether `text` is 'MM-DD' naming a day every year has (not 02-30, not 02-29). */
export function isSchoolYearStart(text: string): boolean {
  return monthDay(text) !== null
}

/** Why `text` is not a school-year start, or null when it is one. */
export function schoolYearStartProblem(text: string): string | null {
  const match = MONTH_DAY.exec(text)
  if (!match) return 'Use MM-DD, e.g. 07-01 for July 1.'
  if (text === '02-29') return 'February 29 is not in every year; choose another day.'
  if (monthDay(text) === null) return `${text} is not a day of the calendar.`
  return null
}

function requireMonthDay(start: string) {
  const md = monthDay(start)
  if (!md) throw new RangeError(`"${start}" is not a school-year start (MM-DD)`)
  return md
}

/** "July 1" for '07-01'. */
export function formatSchoolYearStart(start: string): string {
  const { month, day } = requireMonthDay(start)
  return `${MONTH_NAMES[month - 1]} ${day}`
}

/** The first day (YYYY-MM-DD) of the school year that contains `date` (YYYY-MM-DD). */
export function schoolYearStartDate(date: string, start: string): string {
  const year = Number(date.slice(0, 4))
  const startThisYear = `${date.slice(0, 4)}-${start}`
  requireMonthDay(start)
  return date >= startThisYear ? startThisYear : `${String(year - 1).padStart(4, '0')}-${start}`
}

/** The school year that contains `date`, as people write it: "2025–26", or "2026" when it starts on January 1. */
export function schoolYearLabel(date: string, start: string): string {
  const first = Number(schoolYearStartDate(date, start).slice(0, 4))
  if (start === '01-01') return String(first)
  return `${first}–${String((first + 1) % 100).padStart(2, '0')}`
}
