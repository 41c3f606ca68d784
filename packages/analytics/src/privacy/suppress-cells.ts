// Small-cell privacy suppression for disaggregated tables (see README "Privacy suppression").
//
// 1. Primary: a cell with 0 < n < threshold is suppressed. An empty cell (n = 0) is not: there is no
//    student to protect and it has no rate to show.
// 2. Complementary: while some additive relation (total = sum of members) has exactly one suppressed
//    cell among its total and members, that cell could be recovered by subtraction, so the smallest
//    unsuppressed cell with n > 0 of that relation is suppressed too (an empty cell as a complement
//    protects nothing: that a group is empty is usually public).
// 3. Exact check: a suppressed cell is also recoverable when some combination of relations isolates
//    it (e.g. T1 = A + B, T2 = A + C, T3 = B + C). We detect that with exact rational elimination and
//    suppress a further cell of a relation involving it, then go back to step 2.

export interface SuppressionCell {
  id: string
  /** Count (the denominator of the cell's rate): the number of students. */
  n: number
}

export interface AdditiveRelation {
  /** Cell whose n is the sum of the members' n (e.g. all students). */
  total: string
  /** Cells that add up to the total (e.g. the race groups, or EL and non-EL students). */
  members: readonly string[]
}

export interface SuppressionInput {
  cells: readonly SuppressionCell[]
  relations: readonly AdditiveRelation[]
  /** Smallest n that may be shown. Default 10. */
  threshold?: number
}

export type SuppressionReason = 'primary' | 'complementary'

export interface SuppressedCell {
  id: string
  isSuppressed: boolean
  reason: SuppressionReason | null
}

export interface SuppressionResult {
  threshold: number
  /** Every input cell, in input order. */
  cells: SuppressedCell[]
  /** Suppressed cell ids and why. */
  suppressed: Record<string, SuppressionReason>
}

export type SuppressionOutcome = { ok: true; result: SuppressionResult } | { ok: false; issues: string[] }

export const DEFAULT_SUPPRESSION_THRESHOLD = 10

function validate(input: SuppressionInput, threshold: number): string[] {
  const issues: string[] = []
  if (!(Number.isFinite(threshold) && threshold > 0))
    issues.push(`threshold must be a positive number, got ${threshold}`)
  const ids = new Set<string>()
  for (const cell of input.cells) {
    if (ids.has(cell.id)) issues.push(`duplicate cell id "${cell.id}"`)
    ids.add(cell.id)
    if (!(Number.isFinite(cell.n) && cell.n >= 0))
      issues.push(`cell "${cell.id}": n must be a non-negative number`)
  }
  input.relations.forEach((relation, index) => {
    if (!ids.has(relation.total)) issues.push(`relations[${index}]: unknown total cell "${relation.total}"`)
    if (relation.members.length === 0) issues.push(`relations[${index}]: a relation needs members`)
    const seen = new Set<string>()
    for (const member of relation.members) {
      if (!ids.has(member)) issues.push(`relations[${index}]: unknown member cell "${member}"`)
      if (member === relation.total) issues.push(`relations[${index}]: "${member}" is both total and member`)
      if (seen.has(member)) issues.push(`relations[${index}]: member "${member}" listed twice`)
      seen.add(member)
    }
  })
  return issues
}

/** Cells of a relation: its total and its members. */
function relationCells(relation: AdditiveRelation): string[] {
  return [relation.total, ...relation.members]
}

/**
 * Chooses the complement for a relation: the unsuppressed cell with the smallest n > 0 (ties: members
 * before the total, then input order); an empty cell only when nothing else is left.
 */
function chooseComplement(
  relation: AdditiveRelation,
  suppressed: ReadonlyMap<string, SuppressionReason>,
  countOf: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null
  let bestKey = Number.POSITIVE_INFINITY
  for (const id of [...relation.members, relation.total]) {
    if (suppressed.has(id)) continue
    const n = countOf.get(id) as number
    // empty cells rank after every non-empty one
    const key = n > 0 ? n : Number.MAX_VALUE
    if (key < bestKey) {
      best = id
      bestKey = key
    }
  }
  return best
}

/** Suppressed cells that some combination of relations determines exactly (their own row in RREF). */
export function findRecoverableCells(
  relations: readonly AdditiveRelation[],
  suppressedIds: ReadonlySet<string>,
): string[] {
  const columns = [...suppressedIds]
  const columnOf = new Map(columns.map((id, index) => [id, index]))
  // one row per relation: +1 for members, -1 for the total, over suppressed cells only
  const rows: bigint[][] = []
  for (const relation of relations) {
    const row = new Array<bigint>(columns.length).fill(0n)
    let isEmpty = true
    for (const member of relation.members) {
      const column = columnOf.get(member)
      if (column !== undefined) {
        row[column] = (row[column] as bigint) + 1n
        isEmpty = false
      }
    }
    const totalColumn = columnOf.get(relation.total)
    if (totalColumn !== undefined) {
      row[totalColumn] = (row[totalColumn] as bigint) - 1n
      isEmpty = false
    }
    if (!isEmpty) rows.push(row)
  }
  // fraction-free Gauss-Jordan elimination to reduced row echelon form (up to row scaling)
  const pivotRowOfColumn = new Map<number, number>()
  let pivotRow = 0
  for (let column = 0; column < columns.length && pivotRow < rows.length; column++) {
    let found = -1
    for (let r = pivotRow; r < rows.length; r++) {
      if ((rows[r] as bigint[])[column] !== 0n) {
        found = r
        break
      }
    }
    if (found === -1) continue
    const swap = rows[found] as bigint[]
    rows[found] = rows[pivotRow] as bigint[]
    rows[pivotRow] = swap
    const pivot = swap
    const pivotValue = pivot[column] as bigint
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow) continue
      const row = rows[r] as bigint[]
      const factor = row[column] as bigint
      if (factor === 0n) continue
      for (let c = 0; c < columns.length; c++) {
        row[c] = (row[c] as bigint) * pivotValue - (pivot[c] as bigint) * factor
      }
      normalizeRow(row)
    }
    pivotRowOfColumn.set(column, pivotRow)
    pivotRow++
  }
  const recoverable: string[] = []
  for (const [column, rowIndex] of pivotRowOfColumn) {
    const row = rows[rowIndex] as bigint[]
    if (row.every((value, c) => c === column || value === 0n)) recoverable.push(columns[column] as string)
  }
  return recoverable
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/** Divides a row by the gcd of its entries, keeping the numbers small. */
function normalizeRow(row: bigint[]): void {
  let divisor = 0n
  for (const value of row) divisor = gcd(divisor, value)
  if (divisor > 1n) for (let c = 0; c < row.length; c++) row[c] = (row[c] as bigint) / divisor
}

/** Decides which cells to suppress, and why. Invalid input comes back as `{ ok: false, issues }`. */
export function suppressCells(input: SuppressionInput): SuppressionOutcome {
  const threshold = input.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD
  const issues = validate(input, threshold)
  if (issues.length > 0) return { ok: false, issues }

  const countOf = new Map(input.cells.map((cell) => [cell.id, cell.n]))
  const suppressed = new Map<string, SuppressionReason>()
  for (const cell of input.cells) if (cell.n > 0 && cell.n < threshold) suppressed.set(cell.id, 'primary')

  for (;;) {
    // complementary suppression until no relation has exactly one suppressed cell
    let changed = true
    while (changed) {
      changed = false
      for (const relation of input.relations) {
        const suppressedCount = relationCells(relation).filter((id) => suppressed.has(id)).length
        if (suppressedCount !== 1) continue
        const complement = chooseComplement(relation, suppressed, countOf)
        if (complement === null) continue
        suppressed.set(complement, 'complementary')
        changed = true
      }
    }
    // combinations of relations can still isolate a cell
    const recoverable = findRecoverableCells(input.relations, new Set(suppressed.keys()))
    let added = false
    for (const id of recoverable) {
      for (const relation of input.relations) {
        if (!relationCells(relation).includes(id)) continue
        const complement = chooseComplement(relation, suppressed, countOf)
        if (complement === null) continue
        suppressed.set(complement, 'complementary')
        added = true
        break
      }
      if (added) break
    }
    if (!added) break
  }

  const cells = input.cells.map((cell) => {
    const reason = suppressed.get(cell.id) ?? null
    return { id: cell.id, isSuppressed: reason !== null, reason }
  })
  return { ok: true, result: { threshold, cells, suppressed: Object.fromEntries(suppressed) } }
}

/** Whether a relation leaves exactly one of its cells suppressed (its value recoverable by subtraction). */
export function hasSingleSuppressedCell(
  relation: AdditiveRelation,
  isSuppressed: (id: string) => boolean,
): boolean {
  return relationCells(relation).filter(isSuppressed).length === 1
}

/**
 * Copies cells with every number of a suppressed cell replaced by null, so that nothing downstream
 * (charts, gaps, exports) can use a suppressed cell's exact value.
 */
export function maskSuppressedCells<T extends { id: string }>(
  cells: readonly T[],
  result: SuppressionResult,
): MaskedCell<T>[] {
  return cells.map((cell) => {
    const masked: Record<string, unknown> = {
      ...cell,
      isSuppressed: result.suppressed[cell.id] !== undefined,
    }
    if (masked.isSuppressed) {
      for (const [key, value] of Object.entries(cell)) if (typeof value === 'number') masked[key] = null
    }
    return masked as MaskedCell<T>
  })
}

/** A cell after masking: its numbers may be null (suppressed), and it says whether it was suppressed. */
export type MaskedCell<T> = { [K in keyof T]: T[K] extends number ? T[K] | null : T[K] } & {
  isSuppressed: boolean
}

/** Copies a series with null wherever `isSuppressed(index)` is true: analyse this, never the raw series. */
export function maskSuppressedValues(
  values: readonly (number | null)[],
  isSuppressed: (index: number) => boolean,
): (number | null)[] {
  return values.map((value, index) => (isSuppressed(index) ? null : value))
}
