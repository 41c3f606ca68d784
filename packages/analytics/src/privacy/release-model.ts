// The cells of one released table (one measure × school × period) and the additive relations an
// attacker knows between them, built from the student groups' categories (ADR 016 §1):
//   - all students = Σ race/ethnicity groups, and = Σ gender groups (partitions: each student in one group);
//   - all students = G + "all students other than G" for every group G that is not part of a partition
//     (programs, `other` such as foster or homeless youth, intersections): G is a yes/no flag, so its
//     complement is a derived cell of its own, id `otherThanCellId(G)`.
// Overlaps between flags (an English learner with a disability) give no equation an attacker could use:
// the counts of the overlaps are never released, only the subset bounds 0 ≤ G ≤ all, which the derived
// cell's n ≥ 0 already states. An intersection is a flag as well; when its parents are named
// (`ReleaseGroup.withinGroupIds`), the audit also knows intersection ≤ parent.

export type ReleaseGroupCategory = 'all' | 'race_ethnicity' | 'gender' | 'program' | 'intersection' | 'other'

export interface ReleaseGroup {
  id: string
  category: ReleaseGroupCategory
  sortOrder: number
  /** For an intersection ("Black students with disabilities"): the groups it is a subset of. */
  withinGroupIds?: readonly string[]
}

/** One student group's cell in one period: n = students behind it (denominator); numerator = count behind the value (null when the measure has none). */
export interface ReleaseCell {
  groupId: string
  n: number | null
  numerator: number | null
}

const OTHER_THAN = 'other-than:'

/** Id of the derived cell "all students other than this group". */
export function otherThanCellId(groupId: string): string {
  return `${OTHER_THAN}${groupId}`
}

/** The group a derived cell id complements, or null for a group's own id. */
export function complementedGroupId(cellId: string): string | null {
  return cellId.startsWith(OTHER_THAN) ? cellId.slice(OTHER_THAN.length) : null
}

/** Categories whose groups partition all students (each student in exactly one group). */
export const PARTITION_CATEGORIES: readonly ReleaseGroupCategory[] = ['race_ethnicity', 'gender']
/** Categories whose groups are yes/no flags with a derived "all other students" complement. */
export const FLAG_CATEGORIES: readonly ReleaseGroupCategory[] = ['program', 'other', 'intersection']

export interface ModelCell {
  id: string
  n: number
  numerator: number | null
  /** Position in the fixed tie-break order: groups by (sortOrder, id), then the derived cells. */
  order: number
  /** The group a derived "other than" cell complements; null for a group's own cell. */
  complementOf: string | null
}

/** total = Σ members (`exact`), or total ≥ Σ members when a partition is incomplete in this period. */
export interface ModelRelation {
  total: string
  members: readonly string[]
  exactN: boolean
  exactNumerator: boolean
}

/** total ≥ member (an intersection within its parent group). */
export interface ModelSubset {
  whole: string
  part: string
}

export interface TableModel {
  cells: ModelCell[]
  byId: Map<string, ModelCell>
  relations: ModelRelation[]
  subsets: ModelSubset[]
}

/** Whether a sum equals a total, allowing for floating-point error in fractional numerators. */
export function sameTotal(sum: number, total: number): boolean {
  return Math.abs(sum - total) <= 1e-9 * Math.max(1, Math.abs(total))
}

/** Groups in the fixed tie-break order: sortOrder, then id. */
export function orderGroups(groups: readonly ReleaseGroup[]): ReleaseGroup[] {
  return [...groups].sort((a, b) => a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Cells with an n (a cell without one has nothing to judge it by and is not part of the table) and the
 * relations between them. `orderOf` gives each group's position in the tie-break order.
 */
export function buildTableModel(
  cells: readonly ReleaseCell[],
  groupById: ReadonlyMap<string, ReleaseGroup>,
  orderOf: ReadonlyMap<string, number>,
): TableModel {
  const groupCount = orderOf.size
  const out: ModelCell[] = []
  for (const cell of cells) {
    if (cell.n === null || !Number.isFinite(cell.n) || cell.n < 0) continue
    if (!groupById.has(cell.groupId)) continue
    out.push({
      id: cell.groupId,
      n: cell.n,
      numerator: cell.numerator !== null && Number.isFinite(cell.numerator) ? cell.numerator : null,
      order: orderOf.get(cell.groupId) as number,
      complementOf: null,
    })
  }
  out.sort((a, b) => a.order - b.order)
  const relations: ModelRelation[] = []
  const subsets: ModelSubset[] = []
  const total = out.find((c) => groupById.get(c.id)?.category === 'all')
  if (total) {
    for (const category of PARTITION_CATEGORIES) {
      const members = out.filter((c) => groupById.get(c.id)?.category === category)
      if (members.length === 0) continue
      const sumN = members.reduce((s, c) => s + c.n, 0)
      const hasNumerators = total.numerator !== null && members.every((c) => c.numerator !== null)
      const sumNumerator = hasNumerators ? members.reduce((s, c) => s + (c.numerator as number), 0) : null
      relations.push({
        total: total.id,
        members: members.map((c) => c.id),
        exactN: sumN === total.n,
        exactNumerator: sumNumerator !== null && sameTotal(sumNumerator, total.numerator as number),
      })
    }
    const flags = out.filter((c) =>
      FLAG_CATEGORIES.includes(groupById.get(c.id)?.category as ReleaseGroupCategory),
    )
    for (const flag of flags) {
      if (flag.n > total.n) continue // inconsistent data: no complement can be derived
      const numerator =
        flag.numerator !== null && total.numerator !== null ? total.numerator - flag.numerator : null
      const derived: ModelCell = {
        id: otherThanCellId(flag.id),
        n: total.n - flag.n,
        numerator,
        order: groupCount + flag.order,
        complementOf: flag.id,
      }
      out.push(derived)
      relations.push({
        total: total.id,
        members: [flag.id, derived.id],
        exactN: true,
        exactNumerator: numerator !== null,
      })
    }
  }
  const byId = new Map(out.map((c) => [c.id, c]))
  for (const cell of out) {
    const group = groupById.get(cell.id)
    for (const parent of group?.withinGroupIds ?? []) {
      if (byId.has(parent) && parent !== cell.id) subsets.push({ whole: parent, part: cell.id })
    }
  }
  return { cells: out, byId, relations, subsets }
}
