// How many values a measure of a given cadence can have inside a cycle's window: whether linking it can
// ever give the cycle a verdict. Pure: dates are ISO strings (YYYY-MM-DD).
import type { Cadence } from './enums.ts'

const DAY_MS = 86_400_000

/**
 * The most frequent a term measure is reported: a progress report every six weeks (three per semester).
 * Districts that report only at semesters have fewer values still, so this bound errs on the side of
 * not warning.
 */
export const TERM_REPORT_EVERY_DAYS = 42
/** An annual measure has one value a school year. */
const YEAR_DAYS = 365

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS)
}

/** Weekday (0 Sunday … 6 Saturday) of a day number; day 0 (1970-01-01) was a Thursday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7

/** Days `first…last` (inclusive) falling on one weekday. */
function countWeekday(first: number, last: number, wanted: number): number {
  if (last < first) return 0
  const firstHit = first + ((wanted - weekday(first) + 7) % 7)
  return firstHit > last ? 0 : Math.floor((last - firstHit) / 7) + 1
}

/** The 1sts of a month within `start…end` (inclusive). */
function countMonthStarts(start: string, end: string): number {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number]
  const [y2, m2] = end.split('-').map(Number) as [number, number, number]
  const months = (y2 - y1) * 12 + (m2 - m1)
  return months + (d1 === 1 ? 1 : 0)
}

/**
 * The most values a measure of this cadence can have with their period inside `start…end` (inclusive,
 * YYYY-MM-DD): daily, one per school day (Monday to Friday); weekly, one per Monday; monthly, one per
 * 1st of a month; term, one per six weeks (`TERM_REPORT_EVERY_DAYS`); annual, one per 365 days.
 * 0 when the window is empty (end before start).
 */
export function maxValuesInWindow(cadence: Cadence, start: string, end: string): number {
  const first = dayNumber(start)
  const last = dayNumber(end)
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    throw new RangeError(`"${start}" … "${end}" is not a window of ISO dates`)
  }
  if (last < first) return 0
  const days = last - first + 1
  switch (cadence) {
    case 'daily': {
      let schoolDays = 0
      for (let wd = 1; wd <= 5; wd++) schoolDays += countWeekday(first, last, wd)
      return schoolDays
    }
    case 'weekly':
      return countWeekday(first, last, 1)
    case 'monthly':
      return countMonthStarts(start, end)
    case 'term':
      return Math.floor((days - 1) / TERM_REPORT_EVERY_DAYS) + 1
    case 'annual':
      return Math.floor((days - 1) / YEAR_DAYS) + 1
  }
}

/** How a cadence reads in a sentence: "is reported once a term". */
export const CADENCE_FREQUENCY: Record<Cadence, string> = {
  daily: 'every school day',
  weekly: 'once a week',
  monthly: 'once a month',
  term: 'once a term',
  annual: 'once a year',
}

/** The length of a cycle in words: "6-week" (a Monday-to-Friday cycle counts its last week), "4-day". */
export function windowLengthLabel(start: string, end: string): string {
  const days = dayNumber(end) - dayNumber(start) + 1
  return days >= 7 ? `${Math.ceil(days / 7)}-week` : `${Math.max(days, 1)}-day`
}

export interface LinkedMeasureCadence {
  name: string
  cadence: Cadence
}

export interface CadenceWindowFacts {
  plannedStart: string
  plannedEnd: string
  /** Days after the end whose values still count for the cycle's verdict. */
  lagDays: number
  linkedMeasures: readonly LinkedMeasureCadence[]
}

const addDays = (iso: string, days: number) =>
  new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10)

const listOf = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Cadences slower than a cycle's own rhythm. A weekly or daily measure that falls short in a short cycle
 * is a matter of the cycle's length (and a clear signal can still decide early); a monthly, term or annual
 * one cannot fill a cycle of usual length at all.
 */
const SLOWER_THAN_A_CYCLE: ReadonlySet<Cadence> = new Set(['monthly', 'term', 'annual'])

/**
 * The linked measures reported less often than weekly whose cadence cannot give the planned window
 * (start through end + lag days) the values a verdict needs, each with the most it can have, and the
 * sentences for the team: what will happen and what to do. Null when no linked measure falls short.
 */
export function slowCadenceProblem(
  cycle: CadenceWindowFacts,
  minValuesForVerdict: number,
): { measures: (LinkedMeasureCadence & { maxValues: number })[]; message: string } | null {
  if (cycle.plannedEnd < cycle.plannedStart) return null
  const windowEnd = addDays(cycle.plannedEnd, cycle.lagDays)
  const counted = cycle.linkedMeasures.map((m) => ({
    ...m,
    maxValues: maxValuesInWindow(m.cadence, cycle.plannedStart, windowEnd),
  }))
  const slow = counted.filter((m) => SLOWER_THAN_A_CYCLE.has(m.cadence) && m.maxValues < minValuesForVerdict)
  if (slow.length === 0) return null
  const enough = counted.filter((m) => m.maxValues >= minValuesForVerdict)
  const length = windowLengthLabel(cycle.plannedStart, cycle.plannedEnd)
  const lag = cycle.lagDays > 0 ? ` (with its ${plural(cycle.lagDays, 'day')} of lag)` : ''
  const facts = slow.map(
    (m) =>
      `“${m.name}” is reported ${CADENCE_FREQUENCY[m.cadence]}: this ${length} cycle${lag} will have at most ${plural(m.maxValues, 'value')} of it, and a verdict needs ${minValuesForVerdict}.`,
  )
  const advice =
    enough.length > 0
      ? `The cycle’s verdict will rest on ${listOf(enough.map((m) => `“${m.name}”`))}.`
      : slow.every((m) => m.cadence === 'monthly')
        ? `Link a weekly measure, or lengthen the cycle to at least ${minValuesForVerdict} months.`
        : 'Link a weekly measure to judge the cycle; a measure reported once a term or a year shows the longer-term outcome, not one cycle’s effect.'
  return { measures: slow, message: `${facts.join(' ')} ${advice}` }
}
