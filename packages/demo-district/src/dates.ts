// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC and by whole days, so results never depend
// on the machine's time zone.
import { MONTH_NAMES } from '@pdsa/domain'

const DAY_MS = 86_400_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function assertIsoDate(value: string): void {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`Expected a date as YYYY-MM-DD, got "${value}"`)
  }
}

/** Days since 1970-01-01. */
export function toDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function isoDate(year: number, month: number, day: number): string {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / DAY_MS))
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days)
}

export function daysBetween(fromIso: string, toIso: string): number {
  return toDayNumber(toIso) - toDayNumber(fromIso)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7
}

/** The Monday of the week (Monday to Sunday) that contains the date. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7))
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4))
}

export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7))
}

/** The n-th (1-based) given weekday of a month; n = -1 is the last one. */
export function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = isoDate(year, month, 1)
    return addDays(first, ((dow - weekday(first) + 7) % 7) + (n - 1) * 7)
  }
  const last = addDays(isoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1)
  return addDays(last, -((weekday(last) - dow + 7) % 7))
}

/** A timestamp (ISO 8601, UTC) on the given day at the given hour and minute. */
export function timestamp(iso: string, hour = 16, minute = 0): string {
  const hh = String(hour).padStart(2, '0')
  const mm = String(minute).padStart(2, '0')
  return `${iso}T${hh}:${mm}:00.000Z`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function monthName(iso: string): string {
  return MONTH_NAMES[monthOf(iso) - 1] ?? ''
}

/** "Jan 12" — for narrative text. */
export function shortDate(iso: string): string {
  return `${MONTHS[monthOf(iso) - 1]} ${Number(iso.slice(8, 10))}`
}
