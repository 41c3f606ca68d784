// Small-cell privacy for everything analytics shows (charts, verdict cards, gap series, exports):
// which cells of one school × period must be hidden, from the counts of every student group of that
// period. The additive relations come from the groups' categories (see docs/decisions/011):
//   - all students = the sum of the race/ethnicity groups (and of the gender groups), over the groups of
//     the partition that have a cell in the period; a missing group is taken as empty, which can only
//     hide more (a relation that does not hold exactly makes suppressCells cautious, never careless);
//   - all students = G + "all students other than G", for each program group G (EL, SED, SWD…): the
//     derived "all other students" cell is a cell of its own (id `otherThanCellId(G)`), so neither G nor
//     its complement can be recovered from the other and the all-students count.
// Suppression is computed over every group of the period before any view picks its groups, so a view
// that shows fewer groups can never reveal more than one that shows them all.
import {
  type AdditiveRelation,
  otherThanCellId,
  type SuppressionCell,
  type SuppressionReason,
  suppressCells,
} from '@pdsa/analytics'
import type { StudentGroupCategory } from './enums.ts'

export interface PrivacyGroup {
  id: string
  category: StudentGroupCategory
}

/** One group's cell of one period: n is the denominator (students), null when the measure has none. */
export interface PrivacyCell {
  groupId: string
  n: number | null
}

/** Id of the derived cell "all students other than this group" (defined with the release decision). */
export { otherThanCellId }

/** Categories whose groups partition all students (each student in exactly one group). */
const PARTITIONS: readonly StudentGroupCategory[] = ['race_ethnicity', 'gender']

/**
 * @deprecated ADR 016: the release decision builds its own table model (flags of category `other` and
 * intersections included). The cells (with derived "all other than G" cells) and additive relations of
 * one period, as ADR 011 §2 had them.
 */
export function periodSuppressionInput(
  cells: readonly PrivacyCell[],
  groups: readonly PrivacyGroup[],
): { cells: SuppressionCell[]; relations: AdditiveRelation[] } {
  const categoryOf = new Map(groups.map((g) => [g.id, g.category]))
  const counted = cells.filter((c): c is { groupId: string; n: number } => c.n !== null && c.n >= 0)
  const out: SuppressionCell[] = counted.map((c) => ({ id: c.groupId, n: c.n }))
  const relations: AdditiveRelation[] = []
  const total = counted.find((c) => categoryOf.get(c.groupId) === 'all')
  if (!total) return { cells: out, relations }
  for (const category of PARTITIONS) {
    const members = counted.filter((c) => categoryOf.get(c.groupId) === category).map((c) => c.groupId)
    if (members.length >= 2) relations.push({ total: total.groupId, members })
  }
  for (const cell of counted) {
    if (categoryOf.get(cell.groupId) !== 'program') continue
    const other = otherThanCellId(cell.groupId)
    out.push({ id: other, n: Math.max(0, total.n - cell.n) })
    relations.push({ total: total.groupId, members: [cell.groupId, other] })
  }
  return { cells: out, relations }
}

/**
 * @deprecated ADR 016: read `decideSeriesRelease` (@pdsa/analytics), the one decision every surface uses
 * (audited, coded, year-to-date); this per-period rule of ADR 011 stays only until its callers move.
 *
 * The cells of one period to hide and why: keys are group ids and `otherThanCellId(groupId)` for the
 * derived "all other students" cells. Cells without an n are never suppressed (nothing to judge them by).
 * If the suppression cannot be computed, every counted cell is hidden rather than risk showing one.
 */
export function suppressPeriod(
  cells: readonly PrivacyCell[],
  groups: readonly PrivacyGroup[],
  threshold: number,
): Map<string, SuppressionReason> {
  const input = periodSuppressionInput(cells, groups)
  const outcome = suppressCells({ ...input, threshold })
  if (!outcome.ok) return new Map(input.cells.map((c) => [c.id, 'primary' as const]))
  return new Map(Object.entries(outcome.result.suppressed))
}
