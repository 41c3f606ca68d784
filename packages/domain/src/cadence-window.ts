// Whether a cycle's linked measures can give its window the values a verdict needs: the planning-time
// method check of ADR 014. The cadence arithmetic is `expectedValuesInWindow` of @pdsa/analytics (the
// verdict engine's own rule); this module decides which shortfalls to flag and says so in words.
import { expectedValuesInWindow } from '@pdsa/analytics'
import type { Cadence } from './enums.ts'

const DAY_MS = 86_400_000

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS)

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

/**
 * Cadences slower than a cycle's own rhythm. A weekly or daily measure that falls short in a short cycle
 * is a matter of the cycle's length (and two values beyond a limit can still decide early); a monthly,
 * term or annual one cannot fill a cycle of usual length at all.
 */
const SLOWER_THAN_A_CYCLE: ReadonlySet<Cadence> = new Set(['monthly', 'term', 'annual'])

const listOf = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The linked measures reported less often than weekly whose cadence cannot give the planned window
 * (start through end + lag days) the values a verdict needs, each with the values it can be expected to
 * give, and the sentences for the team: what will happen and what to do. Null when no linked measure
 * falls short (or the window is not a window: the transition checks say so).
 */
export function slowCadenceProblem(
  cycle: CadenceWindowFacts,
): { measures: (LinkedMeasureCadence & { expected: number })[]; needed: number; message: string } | null {
  const counted = cycle.linkedMeasures.flatMap((m) => {
    const values = expectedValuesInWindow({
      cadence: m.cadence,
      start: cycle.plannedStart,
      end: cycle.plannedEnd,
      lagDays: cycle.lagDays,
    })
    return values ? [{ ...m, ...values }] : []
  })
  const slow = counted.filter((m) => SLOWER_THAN_A_CYCLE.has(m.cadence) && !m.canFill)
  const needed = slow[0]?.needed
  if (needed === undefined) return null
  const enough = counted.filter((m) => m.canFill)
  const length = windowLengthLabel(cycle.plannedStart, cycle.plannedEnd)
  const lag = cycle.lagDays > 0 ? ` (with its ${plural(cycle.lagDays, 'day')} of lag)` : ''
  const facts = slow.map(
    (m) =>
      `“${m.name}” is reported ${CADENCE_FREQUENCY[m.cadence]}: this ${length} cycle${lag} ` +
      `${m.expected === 0 ? 'may not see a single value of it' : `will have about ${plural(m.expected, 'value')} of it`}, ` +
      `and a verdict needs ${needed}.`,
  )
  const advice =
    enough.length > 0
      ? `The cycle’s verdict will rest on ${listOf(enough.map((m) => `“${m.name}”`))}.`
      : slow.every((m) => m.cadence === 'monthly')
        ? `Link a weekly measure, or lengthen the cycle to at least ${needed} months.`
        : 'Link a weekly measure to judge the cycle; a measure reported once a term or a year shows the longer-term outcome, not one cycle’s effect.'
  return {
    measures: slow.map(({ name, cadence, expected }) => ({ name, cadence, expected })),
    needed,
    message: `${facts.join(' ')} ${advice}`,
  }
}
