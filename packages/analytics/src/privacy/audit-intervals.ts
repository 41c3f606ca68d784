// The audit of one table's release (ADR 016 §2): what can an attacker who sees everything released
// conclude about the cells that are not shown exactly? Linear programming (yalps) over
//   - shown cells: n and numerator exactly (a shown rate × n gives the numerator);
//   - coded cells: n exactly, numerator within the band ("≤ 5 %" of 60 students → 0 ≤ numerator ≤ 3);
//   - hidden cells: "n < 10" (reason primary) → 1 ≤ n ≤ threshold − 1, any other reason → n ≥ threshold;
//     numerator 0 ≤ numerator ≤ n for shares, ≥ 0 for counts;
//   - the relations of the table model: total = Σ members (≤ when a partition is incomplete), part ≤ whole,
// gives, for every protected cell, the smallest and largest numerator (and n) consistent with all of it.
// Protected cells are the small cells (1 ≤ n < threshold) and the cells whose share is near 0 % or 100 %
// (inside their coding band). The rule: a small cell's intervals must span at least min(n, width)
// students, a near-0 %/100 % cell's numerator interval at least 1 (never exact).
import { type Model, solve } from 'yalps'
import type { ModelCell, TableModel } from './release-model.ts'
import type { CellRelease, NumeratorKind } from './release-table.ts'
import { codedNumeratorRange, codingBand } from './top-bottom-coding.ts'

export interface ProtectionRule {
  /** Students a small cell's feasible interval must span (capped at the cell's n). */
  minimumWidth: number
}

export interface AuditContext {
  threshold: number
  numeratorKind: NumeratorKind
  protection: ProtectionRule
  coding: boolean
  /**
   * Group sizes are public (enrollment reports): a small cell's n needs no protection of its own.
   * Outcomes are audited as if every n were known either way (see auditIntervals).
   */
  sizesPublic: boolean
}

/**
 * The quantities of a cell an attacker may try to pin down: its n, its numerator, and (for shares) the
 * students without the outcome, n − numerator (pinning that at 0 says "all of them").
 */
export type AuditedQuantity = 'n' | 'numerator' | 'without'

/** What the attacker can conclude about one quantity of one cell. */
export interface FeasibleInterval {
  min: number
  max: number
}

export interface CellAudit {
  cellId: string
  quantity: AuditedQuantity
  interval: FeasibleInterval
  required: number
  /** The true value (for reports and tests; never released). */
  value: number
}

/** A linear row: Σ coefficient × variable = equal (or ≤ max). A named row can be an objective. */
type Row = { name?: string; coefficients: Map<string, number>; equal?: number; max?: number }

interface Lp {
  /** variable → its own bound row (name = variable name). */
  bounds: Map<string, { min?: number; max?: number }>
  rows: Row[]
  /** Every count in the table is a whole number: intervals are rounded inward to whole numbers. */
  integral: boolean
}

const EPSILON = 1e-7
const nVar = (id: string) => `n|${id}`
const xVar = (id: string) => `x|${id}`
/** The row numerator − n of a hidden share (≤ 0): its negation is the students without the outcome. */
const yRow = (id: string) => `y|${id}`

/** Values shown earlier in the school year of a to-date measure: a cumulative count does not fall. */
export type EarlierValues = ReadonlyMap<string, { n: number; numerator: number | null }>

/**
 * Audits one table: every protected cell's feasible intervals, with the requirement each must meet.
 * `releases` says how each cell is released; `hidden` the hidden cells.
 */
export function auditIntervals(
  model: TableModel,
  releases: ReadonlyMap<string, CellRelease>,
  hidden: ReadonlySet<string>,
  context: AuditContext,
  earlier: EarlierValues = new Map(),
  { stopAtFirstViolation = false }: { stopAtFirstViolation?: boolean } = {},
): CellAudit[] {
  const withNumerators = context.numeratorKind !== 'signed'
  const variableCells = model.cells.filter((c) => hidden.has(c.id) || releases.get(c.id)?.kind === 'coded')
  if (variableCells.length === 0) return []
  const protectedCells = variableCells.filter((c) => requirements(c, context).length > 0)
  if (protectedCells.length === 0) return []
  const integral = model.cells.every(
    (c) => Number.isInteger(c.n) && (c.numerator === null || Number.isInteger(c.numerator)),
  )
  // Outcomes (numerator, students without) are audited with every n known exactly: the strongest
  // attacker — group sizes are in enrollment reports and in other measures with the same denominator,
  // whose complementary cells may differ. Fixing n only narrows intervals, so the rule then holds for
  // any attacker who knows less. A small cell's own n is audited with the n's the release leaves open.
  const parts = (sizesExact: boolean) =>
    componentsOf(
      buildLp(model, releases, hidden, context, withNumerators, earlier, integral, sizesExact),
      variableCells,
    )
  let outcomeParts: Map<string, Lp> | null = null
  let sizeParts: Map<string, Lp> | null = null
  const out: CellAudit[] = []
  for (const cell of protectedCells) {
    for (const requirement of requirements(cell, context)) {
      const { quantity } = requirement
      if (quantity === 'n') sizeParts ??= parts(false)
      else outcomeParts ??= parts(true)
      const component = (quantity === 'n' ? sizeParts : outcomeParts)?.get(cell.id) as Lp
      const objective =
        quantity === 'n' ? nVar(cell.id) : quantity === 'numerator' ? xVar(cell.id) : yRow(cell.id)
      const isObjective = component.bounds.has(objective) || component.rows.some((r) => r.name === objective)
      if (!isObjective) continue
      const raw = feasibleInterval(component, objective)
      // the row is numerator − n: students without the outcome are its negation
      const interval = quantity === 'without' ? { min: 0 - raw.max, max: 0 - raw.min } : raw
      const numerator = cell.numerator as number
      const value = quantity === 'n' ? cell.n : quantity === 'numerator' ? numerator : cell.n - numerator
      out.push({ cellId: cell.id, quantity, interval, required: requirement.width, value })
      // the decision hides one more cell per violation and audits again: the rest can wait
      if (stopAtFirstViolation && interval.max - interval.min < requirement.width) return out
    }
  }
  return out
}

/** The widths a cell's intervals must span (none: the cell needs no protection). */
function requirements(
  cell: ModelCell,
  context: AuditContext,
): { quantity: AuditedQuantity; width: number }[] {
  const out: { quantity: AuditedQuantity; width: number }[] = []
  if (cell.n > 0 && cell.n < context.threshold) {
    const width = Math.min(cell.n, context.protection.minimumWidth)
    // "n < threshold" itself leaves n in [1, threshold − 1]: no release can leave it wider
    if (!context.sizesPublic)
      out.push({ quantity: 'n', width: Math.min(width, Math.max(0, context.threshold - 2)) })
    if (cell.numerator !== null && context.numeratorKind !== 'signed')
      out.push({ quantity: 'numerator', width })
    if (cell.numerator !== null && context.numeratorKind === 'share') out.push({ quantity: 'without', width })
  } else if (
    context.coding &&
    context.numeratorKind === 'share' &&
    cell.numerator !== null &&
    codingBand(cell.n, cell.numerator, context.threshold)
  ) {
    out.push({ quantity: 'numerator', width: 1 })
  }
  return out
}

function buildLp(
  model: TableModel,
  releases: ReadonlyMap<string, CellRelease>,
  hidden: ReadonlySet<string>,
  context: AuditContext,
  withNumerators: boolean,
  earlier: EarlierValues,
  integral: boolean,
  sizesExact: boolean,
): Lp {
  const bounds = new Map<string, { min?: number; max?: number }>()
  const rows: Row[] = []
  const { threshold } = context
  const isVariable = (id: string) => bounds.has(nVar(id))
  for (const cell of model.cells) {
    const release = releases.get(cell.id)
    if (hidden.has(cell.id)) {
      const small = release?.kind === 'suppressed' && release.reason === 'primary'
      const before = earlier.get(cell.id)
      // a to-date count shown earlier this year is a floor (where it did not fall: the attacker cannot
      // rely on a floor that the data break)
      const nFloor = before && before.n <= cell.n ? before.n : 0
      bounds.set(
        nVar(cell.id),
        sizesExact
          ? { min: cell.n, max: cell.n }
          : small
            ? { min: Math.max(1, nFloor), max: threshold - 1 }
            : { min: Math.max(threshold, nFloor) },
      )
      if (withNumerators && cell.numerator !== null) {
        const xFloor =
          before && before.numerator !== null && before.numerator <= cell.numerator ? before.numerator : 0
        bounds.set(xVar(cell.id), { min: Math.max(0, xFloor) })
        if (context.numeratorKind === 'share') {
          rows.push({
            name: yRow(cell.id),
            coefficients: new Map([
              [xVar(cell.id), 1],
              [nVar(cell.id), -1],
            ]),
            max: 0,
          })
        }
      }
    } else if (release?.kind === 'coded' && cell.numerator !== null) {
      const range = codedNumeratorRange(cell.n, release, integral)
      bounds.set(nVar(cell.id), { min: cell.n, max: cell.n })
      if (withNumerators) bounds.set(xVar(cell.id), { min: range.min, max: range.max })
    }
  }
  const addRow = (
    terms: [string, number][],
    constant: number,
    kind: 'equal' | 'max',
    variableOf: (id: string) => string,
  ) => {
    // Σ coefficient × value = 0 (or ≤ 0), with shown cells' values moved to the right-hand side
    const coefficients = new Map<string, number>()
    let rhs = -constant
    for (const [id, coefficient] of terms) {
      const variable = variableOf(id)
      if (bounds.has(variable)) coefficients.set(variable, (coefficients.get(variable) ?? 0) + coefficient)
      else {
        const cell = model.byId.get(id) as ModelCell
        const value = variable.startsWith('n|') ? cell.n : cell.numerator
        if (value === null) return // a cell without a numerator: no numerator relation
        rhs -= coefficient * value
      }
    }
    if (coefficients.size === 0) return
    rows.push(kind === 'equal' ? { coefficients, equal: rhs } : { coefficients, max: rhs })
  }
  const numeratorKnownFor = (ids: string[]) =>
    ids.every((id) => model.byId.get(id)?.numerator !== null && model.byId.get(id)?.numerator !== undefined)
  for (const relation of model.relations) {
    const terms: [string, number][] = [
      [relation.total, -1],
      ...relation.members.map((m) => [m, 1] as [string, number]),
    ]
    if (!terms.some(([id]) => isVariable(id))) continue
    addRow(terms, 0, relation.exactN ? 'equal' : 'max', nVar)
    if (withNumerators && numeratorKnownFor(terms.map(([id]) => id)))
      addRow(terms, 0, relation.exactNumerator ? 'equal' : 'max', xVar)
  }
  for (const subset of model.subsets) {
    const whole = model.byId.get(subset.whole) as ModelCell
    const part = model.byId.get(subset.part) as ModelCell
    if (!(isVariable(whole.id) || isVariable(part.id))) continue
    const terms: [string, number][] = [
      [part.id, 1],
      [whole.id, -1],
    ]
    if (part.n <= whole.n) addRow(terms, 0, 'max', nVar)
    if (
      withNumerators &&
      part.numerator !== null &&
      whole.numerator !== null &&
      part.numerator <= whole.numerator
    )
      addRow(terms, 0, 'max', xVar)
  }
  return { bounds, rows, integral }
}

/** Splits the LP into independent parts: cells linked by a row share a part. */
function componentsOf(lp: Lp, cells: readonly ModelCell[]): Map<string, Lp> {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root) as string
    parent.set(id, root)
    return root
  }
  for (const cell of cells) parent.set(cell.id, cell.id)
  const cellOf = (variable: string) => variable.slice(2)
  for (const row of lp.rows) {
    const ids = [...row.coefficients.keys()].map(cellOf)
    for (const id of ids.slice(1)) {
      const a = find(ids[0] as string)
      const b = find(id)
      if (a !== b) parent.set(b, a)
    }
  }
  const parts = new Map<string, Lp>()
  for (const cell of cells) {
    const root = find(cell.id)
    if (!parts.has(root)) parts.set(root, { bounds: new Map(), rows: [], integral: lp.integral })
  }
  for (const [variable, bound] of lp.bounds) {
    parts.get(find(cellOf(variable)))?.bounds.set(variable, bound)
  }
  for (const row of lp.rows) {
    const first = row.coefficients.keys().next().value as string
    parts.get(find(cellOf(first)))?.rows.push(row)
  }
  const byCell = new Map<string, Lp>()
  for (const cell of cells) byCell.set(cell.id, parts.get(find(cell.id)) as Lp)
  return byCell
}

/** Solved intervals of recently audited parts: weekly tables repeat the same small parts often. */
const intervalCache = new Map<string, FeasibleInterval>()
const INTERVAL_CACHE_LIMIT = 200_000

/** The part's content as a string (computed once per part; the objective is appended per solve). */
const partKeys = new WeakMap<Lp, string>()

function lpKey(lp: Lp, objective: string): string {
  const known = partKeys.get(lp)
  if (known !== undefined) return `${objective}|${known}`
  const parts: string[] = [lp.integral ? 'int' : 'real']
  for (const [variable, bound] of lp.bounds) parts.push(`${variable}[${bound.min ?? ''},${bound.max ?? ''}]`)
  for (const row of lp.rows) {
    const terms: string[] = []
    for (const [variable, coefficient] of row.coefficients) terms.push(`${coefficient}${variable}`)
    parts.push(
      `${row.name ?? ''}:${terms.join('+')}${row.equal !== undefined ? `=${row.equal}` : `<${row.max}`}`,
    )
  }
  const key = parts.join(';')
  partKeys.set(lp, key)
  return `${objective}|${key}`
}

/** Smallest and largest value of `objective` (a variable or a named row) over the part's feasible region (±Infinity when unbounded). */
function feasibleInterval(lp: Lp, objective: string): FeasibleInterval {
  const key = lpKey(lp, objective)
  const cached = intervalCache.get(key)
  if (cached) return cached
  const constraints = new Map<string, { equal?: number; min?: number; max?: number }>()
  const variables = new Map<string, Map<string, number>>()
  for (const [name, bound] of lp.bounds) {
    constraints.set(name, bound.min === undefined && bound.max === undefined ? { min: 0 } : bound)
    variables.set(name, new Map([[name, 1]]))
  }
  lp.rows.forEach((row, index) => {
    const name = row.name ?? `row${index}`
    constraints.set(name, row.equal !== undefined ? { equal: row.equal } : { max: row.max as number })
    for (const [variableName, coefficient] of row.coefficients) {
      variables.get(variableName)?.set(name, coefficient)
    }
  })
  const model: Model<string, string> = { direction: 'maximize', objective, constraints, variables }
  const high = solve(model)
  const low = solve({ ...model, direction: 'minimize' })
  let interval: FeasibleInterval
  if (high.status === 'infeasible' || low.status === 'infeasible') {
    // the released figures contradict the model (inconsistent data): report the cell as exposed so
    // that the caller hides more rather than trusting an audit that proved nothing
    interval = { min: 0, max: 0 }
  } else {
    // with whole counts an attacker knows the value is a whole number: round inward
    const inward = (value: number, round: (v: number) => number, slack: number) =>
      (lp.integral ? round(value + slack) : value) + 0
    const max =
      high.status === 'unbounded' ? Number.POSITIVE_INFINITY : inward(high.result, Math.floor, EPSILON)
    const min =
      low.status === 'unbounded' ? Number.NEGATIVE_INFINITY : inward(low.result, Math.ceil, -EPSILON)
    interval = { min, max }
  }
  if (intervalCache.size >= INTERVAL_CACHE_LIMIT) intervalCache.clear()
  intervalCache.set(key, interval)
  return interval
}

/** Empties the interval cache (benchmarks measure cold runs with it). */
export function clearAuditCache(): void {
  intervalCache.clear()
}
