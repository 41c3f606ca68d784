import {
  DomainError,
  type MeasureRules,
  type ObservationValue,
  observationRowProblems,
  observationValue,
} from '@pdsa/domain'

export interface CheckedRow {
  studentGroupId: string
  period: string
  value: number
  numerator: number | null
  denominator: number | null
}

/**
 * Validates a batch against the measure and the district's groups, naming each problem by its row
 * ("observations.3.numerator: …"). Throws VALIDATION with every problem in fieldErrors, or returns the
 * rows with their computed values.
 */
export function checkObservations(
  rows: readonly ObservationValue[],
  measure: MeasureRules,
  groups: ReadonlyMap<string, { name: string; isActive: boolean }>,
  /** Today's date in the district's time zone: a period that starts later is in the future. */
  today: string,
): CheckedRow[] {
  const fieldErrors: Record<string, string[]> = {}
  const add = (index: number, field: string, message: string) => {
    const key = `observations.${index}.${field}`
    fieldErrors[key] = [...(fieldErrors[key] ?? []), message]
  }
  const seen = new Map<string, number>()
  rows.forEach((row, index) => {
    const group = groups.get(row.studentGroupId)
    if (!group) add(index, 'studentGroupId', 'No such student group.')
    else if (!group.isActive) add(index, 'studentGroupId', `${group.name} is no longer in use.`)
    const key = `${row.studentGroupId}|${row.period}`
    const first = seen.get(key)
    if (first !== undefined) add(index, 'period', `Row ${first} already has this student group and period.`)
    else seen.set(key, index)
    for (const p of observationRowProblems(row, measure, today)) add(index, p.field, p.message)
  })
  const problems = Object.entries(fieldErrors)
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map(([key, messages]) => `${key}: ${messages.join(' ')}`)
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''
    throw new DomainError('VALIDATION', `${shown.join(' ')}${more}`, { fieldErrors })
  }
  return rows.map((row) => ({
    studentGroupId: row.studentGroupId,
    period: row.period,
    value: observationValue(row, measure) as number,
    numerator: row.numerator,
    denominator: row.denominator,
  }))
}
