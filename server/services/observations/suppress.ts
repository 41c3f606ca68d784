// Small-cell suppression for people who may not see a school's raw data, with the same rules as every
// chart and export (`suppressPeriod` in packages/domain/src/privacy.ts): a cell whose denominator is
// below the district's threshold is hidden (primary), and so is whatever cell would let someone work it
// out by subtraction within the same period (complementary). Computed over every group of a period,
// before any group filter, so asking for fewer groups cannot reveal more.
import type { SuppressionReason } from '@pdsa/analytics'
import { type StudentGroupCategory, suppressPeriod } from '@pdsa/domain'

export interface SuppressibleCell {
  id: string
  period: string
  denominator: number | null
  studentGroupId: string
}

export interface GroupCategory {
  id: string
  category: StudentGroupCategory
}

/** Why each hidden observation is hidden, by observation id (absent: shown). */
export function suppressionReasons(
  cells: readonly SuppressibleCell[],
  groups: readonly GroupCategory[],
  threshold: number,
): Map<string, SuppressionReason> {
  const byPeriod = new Map<string, SuppressibleCell[]>()
  for (const cell of cells) {
    const list = byPeriod.get(cell.period) ?? []
    list.push(cell)
    byPeriod.set(cell.period, list)
  }
  const reasons = new Map<string, SuppressionReason>()
  for (const periodCells of byPeriod.values()) {
    const hidden = suppressPeriod(
      periodCells.map((c) => ({ groupId: c.studentGroupId, n: c.denominator })),
      groups,
      threshold,
    )
    for (const cell of periodCells) {
      const reason = hidden.get(cell.studentGroupId)
      if (reason) reasons.set(cell.id, reason)
    }
  }
  return reasons
}
