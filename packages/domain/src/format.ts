import type { MeasureUnit } from './enums.ts'
import { zoneFormatter } from './time-zone.ts'

const DECIMALS: Record<MeasureUnit, number> = { percent: 1, rate: 2, count: 0, score: 1, days: 1 }

// Formatters are built once: `toLocaleString` with options builds a new Intl formatter on every call
// (~20–50 µs each, against ~1–3 µs for a kept one), and a page formats hundreds of values and dates.
const numberFormats = Object.fromEntries(
  Object.entries(DECIMALS).map(([unit, digits]) => [
    unit,
    new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ]),
) as Record<MeasureUnit, Intl.NumberFormat>

/** A value in its measure's unit, for people: "24.3%", "0.42", "12", "−14.0". */
export function formatMeasureValue(value: number | null | undefined, unit: MeasureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const text = numberFormats[unit].format(value)
  return unit === 'percent' ? `${text}%` : text
}

/** The unit of a difference: percentage points for percents. */
export function formatMeasureChange(delta: number | null | undefined, unit: MeasureUnit): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—'
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const magnitude = numberFormats[unit].format(Math.abs(delta))
  return unit === 'percent' ? `${sign}${magnitude} pts` : `${sign}${magnitude}`
}

const calendarDateFormat = (month: 'long' | 'short') =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month, day: 'numeric' })
const calendarDateFormats = { long: calendarDateFormat('long'), short: calendarDateFormat('short') }

/** "June 1, 2026" for a YYYY-MM-DD date, read as a calendar date (no time zone shift). */
export function formatIsoDate(iso: string | null | undefined, style: 'long' | 'short' = 'long'): string {
  if (!iso) return '—'
  return calendarDateFormats[style].format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
}

// ─────────────── Instants in the district's time zone ───────────────
// Every time shown to a person is in the district's IANA zone (District.timeZone), never the server's or
// the viewer's, so the server render and the browser agree and a school reads its own clock. Calendar
// dates (YYYY-MM-DD weeks and periods) are not instants: formatIsoDate above, which never shifts.

const dayFormat = zoneFormatter('en-US', { year: 'numeric', month: 'short', day: 'numeric' })
const dayAndTimeFormat = zoneFormatter('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
})

/** ICU puts narrow or thin no-break spaces before "PM"; versions differ, so write plain spaces. */
const plainSpaces = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ')

const toDate = (at: string | Date) => (typeof at === 'string' ? new Date(at) : at)

/** "Dec 5, 2026, 1:20 PM PST": an instant (ISO string or Date) in the zone, with the zone's abbreviation. */
export function formatDateTime(at: string | Date | null | undefined, timeZone: string): string {
  if (at === null || at === undefined) return '—'
  const date = toDate(at)
  if (Number.isNaN(date.getTime())) return '—'
  return plainSpaces(dayAndTimeFormat(timeZone).format(date))
}

/** "Dec 5, 2026": the day an instant falls on in the zone (for lists that show only the day). */
export function formatDateInZone(at: string | Date | null | undefined, timeZone: string): string {
  if (at === null || at === undefined) return '—'
  const date = toDate(at)
  if (Number.isNaN(date.getTime())) return '—'
  return plainSpaces(dayFormat(timeZone).format(date))
}

const isoDateFormat = zoneFormatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' })

/** The YYYY-MM-DD day an instant falls on in the zone (for CSV exports and grouping by day). */
export function isoDateInZone(at: string | Date, timeZone: string): string {
  const parts = isoDateFormat(timeZone).formatToParts(toDate(at))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
