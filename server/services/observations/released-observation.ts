// One observation row as the data table shows it: its numbers only when the release shows the cell.
import type { ReleasedCell } from '../analytics/release.ts'

interface Row {
  id: string
  period: string
  source: string
  updatedAt: Date
  studentGroup: { id: string; code: string; name: string; category: string; sortOrder: number }
  enteredBy: { name: string } | null
}

/**
 * `released` is the cell of the series' release; a row the release does not know (written after the
 * decision was read) is hidden rather than shown undecided.
 */
export function releasedObservation<R extends Row>(row: R, released: ReleasedCell | undefined) {
  const decision = released?.decision ?? { kind: 'suppressed' as const, reason: 'primary' as const }
  const shown = decision.kind === 'shown'
  return {
    id: row.id,
    period: row.period,
    studentGroup: row.studentGroup,
    // The release's own numbers: a row changed after the decision was read cannot slip through.
    value: shown ? (released?.value ?? null) : null,
    numerator: shown ? (released?.numerator ?? null) : null,
    denominator: shown ? (released?.denominator ?? null) : null,
    suppressed: !shown,
    /** Why the cell is hidden (null when shown or released as a range). */
    suppressionReason: decision.kind === 'suppressed' ? decision.reason : null,
    /** Released as a range ("≤ 5 %"), not as its value. */
    coded: decision.kind === 'coded' ? { bound: decision.bound, percent: decision.percent } : null,
    source: row.source,
    enteredBy: row.enteredBy?.name ?? null,
    updatedAt: row.updatedAt,
  }
}
