// Weekly tallies per school × student group: the sums the observations are computed from.
import { GROUP_CODES } from './student-groups.ts'

export const TALLY_FIELDS = [
  /** Students enrolled on at least one day of the week. */
  'enrolled',
  /** Σ over students of days present ÷ instructional days in the week (average daily attendance). */
  'presentAvg',
  'chronicDen',
  'chronicNum',
  'atRiskNum',
  /** Students enrolled on any day so far this year. */
  'cumulativeEnrolled',
  /** Students with ≥ 1 full day of suspension so far this year. */
  'suspended',
  /** Σ referrals ÷ instructional days in the week. */
  'odrPerDay',
  'ossIncidents',
  'issDays',
  'tardyPerDay',
  'flagged',
  'contacted',
  'conferences',
  'dfDen',
  'dfNum',
  'df9Den',
  'df9Num',
  'onTrackDen',
  'onTrackNum',
  'tutorDen',
  'tutorNum',
] as const
export type TallyField = (typeof TALLY_FIELDS)[number]

export const FIELD: Record<TallyField, number> = Object.fromEntries(
  TALLY_FIELDS.map((f, i) => [f, i]),
) as Record<TallyField, number>
const FIELD_COUNT = TALLY_FIELDS.length
const GROUP_COUNT = GROUP_CODES.length

export interface WeekTally {
  weekIndex: number
  cells: Float64Array
}

export function newWeekTally(weekIndex: number): WeekTally {
  return { weekIndex, cells: new Float64Array(GROUP_COUNT * FIELD_COUNT) }
}

/** Adds `amount` to a field for every group in the membership mask. */
export function addToGroups(tally: WeekTally, mask: number, field: number, amount: number): void {
  if (amount === 0) return
  const cells = tally.cells
  for (let g = 0; g < GROUP_COUNT; g++) {
    if (mask & (1 << g)) cells[g * FIELD_COUNT + field] = (cells[g * FIELD_COUNT + field] ?? 0) + amount
  }
}

export function tallyValue(tally: WeekTally, groupIndex: number, field: TallyField): number {
  return tally.cells[groupIndex * FIELD_COUNT + FIELD[field]] ?? 0
}
