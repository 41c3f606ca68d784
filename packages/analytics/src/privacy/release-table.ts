// The release decision for one table (one measure × school × period), see ADR 016:
//   1. primary: a cell with 1 ≤ n < threshold is hidden;
//   2. year to date: a cell hidden earlier in the school year of a to-date measure stays hidden;
//   3. top/bottom coding: a shown rate near 0 % or 100 % is released as a range (shares only);
//   4. complementary: no relation may have exactly one hidden cell, and no combination of relations may
//      isolate one (exact rational elimination);
//   5. audit: linear programming over everything released bounds every protected cell; where an
//      interval is narrower than the protection rule, one more cell is hidden and the audit runs again.
import { auditIntervals, type CellAudit, type EarlierValues, type ProtectionRule } from './audit-intervals.ts'
import type { ModelCell, ModelRelation, TableModel } from './release-model.ts'
import { findRecoverableCells } from './suppress-cells.ts'
import { codingBand } from './top-bottom-coding.ts'

export type HiddenReason = 'primary' | 'complementary' | 'audit' | 'year_to_date'

export type CellRelease =
  | { kind: 'shown' }
  | { kind: 'suppressed'; reason: HiddenReason }
  | { kind: 'coded'; bound: 'at_most' | 'at_least'; percent: number } // top/bottom coded, e.g. "≤ 5 %"

/** How a measure's numerator relates to its n: the bounds an attacker knows for a hidden numerator. */
export type NumeratorKind = 'share' | 'count' | 'signed'

export interface TableRuleContext {
  threshold: number
  numeratorKind: NumeratorKind
  protection: ProtectionRule
  /** Group sizes are public: a small cell's n is not protected (outcomes always are). */
  sizesPublic: boolean
  /** Run the linear-programming audit (default on; off only to measure what it adds). */
  audit: boolean
  /** Top/bottom code shares near 0 % or 100 % (default on). */
  coding: boolean
}

export interface TableDecision {
  releases: Map<string, CellRelease>
  /** Ids of the hidden cells. */
  hidden: Set<string>
}

const relationCells = (r: ModelRelation) => [r.total, ...r.members]

/** Cost order of hiding a cell: fewer students first, then the fixed group order. */
function cheaper(a: ModelCell, b: ModelCell): boolean {
  return a.n < b.n || (a.n === b.n && a.order < b.order)
}

export function decideTable(
  model: TableModel,
  context: TableRuleContext,
  hiddenEarlierThisYear: ReadonlySet<string>,
  shownEarlierThisYear: EarlierValues = new Map(),
): TableDecision {
  const { threshold } = context
  const releases = new Map<string, CellRelease>()
  const hidden = new Set<string>()
  const hide = (id: string, reason: HiddenReason) => {
    hidden.add(id)
    releases.set(id, { kind: 'suppressed', reason })
  }
  for (const cell of model.cells) {
    if (cell.n > 0 && cell.n < threshold) hide(cell.id, 'primary')
    else if (cell.n > 0 && hiddenEarlierThisYear.has(cell.id)) hide(cell.id, 'year_to_date')
    else releases.set(cell.id, { kind: 'shown' })
  }
  if (context.coding && context.numeratorKind === 'share') {
    for (const cell of model.cells) {
      if (hidden.has(cell.id) || cell.numerator === null) continue
      const band = codingBand(cell.n, cell.numerator, threshold)
      if (band) releases.set(cell.id, { kind: 'coded', ...band })
    }
  }
  // nothing hidden and nothing coded: nothing an attacker could narrow
  if (hidden.size === 0 && ![...releases.values()].some((r) => r.kind === 'coded'))
    return { releases, hidden }

  for (;;) {
    completeComplements(model, hidden, hide)
    if (!context.audit) break
    const violation = firstViolation(
      auditIntervals(model, releases, hidden, context, shownEarlierThisYear, {
        stopAtFirstViolation: true,
      }),
    )
    if (!violation) break
    const extra = chooseAuditCell(model, hidden, violation, context.numeratorKind)
    if (extra === null) break // every cell of the table is hidden already
    hide(extra, 'audit')
  }
  return { releases, hidden }
}

/**
 * Complementary suppression: while a relation has exactly one hidden cell, hide its cheapest other
 * non-empty cell; while a combination of relations isolates a hidden cell, hide the cheapest other cell
 * of a relation that involves it.
 */
function completeComplements(
  model: TableModel,
  hidden: Set<string>,
  hide: (id: string, reason: HiddenReason) => void,
): void {
  const relations = model.relations
  for (;;) {
    let changed = false
    for (const relation of relations) {
      const ids = relationCells(relation)
      if (ids.filter((id) => hidden.has(id)).length !== 1) continue
      const choice = cheapestVisible(model, ids, hidden)
      if (choice) {
        hide(choice, 'complementary')
        changed = true
      }
    }
    if (changed) continue
    const recoverable = findRecoverableCells(relations, hidden)
    if (recoverable.length === 0) return
    const target = recoverable.sort(
      (a, b) => (model.byId.get(a)?.order ?? 0) - (model.byId.get(b)?.order ?? 0),
    )[0] as string
    const candidates = relations.filter((r) => relationCells(r).includes(target)).flatMap(relationCells)
    const choice = cheapestVisible(model, candidates, hidden)
    if (!choice) return // every cell of those relations is hidden already: nothing more to do
    hide(choice, 'complementary')
  }
}

/** The cheapest non-empty cell among `ids` that is not hidden. */
function cheapestVisible(
  model: TableModel,
  ids: readonly string[],
  hidden: ReadonlySet<string>,
): string | null {
  let best: ModelCell | null = null
  for (const id of ids) {
    if (hidden.has(id)) continue
    const cell = model.byId.get(id)
    if (!cell) continue
    // an empty cell protects nothing and is never hidden (its n of 0 is no secret)
    if (cell.n === 0) continue
    if (best === null || cheaper(cell, best)) best = cell
  }
  return best?.id ?? null
}

/** An interval narrower than the rule, if any (the first in cell order). */
export function firstViolation(audits: readonly CellAudit[]): CellAudit | null {
  return audits.find((a) => a.interval.max - a.interval.min < a.required) ?? null
}

/**
 * The cell to hide for an audit violation: the exposed cell itself when it is shown as a range; else
 * the cheapest visible cell of a relation with the exposed cell (or, failing that, of the table) that
 * can widen the interval — for a numerator, one with at least `deficit` students on both sides of its
 * count (it can absorb or supply the count); for an n, any non-empty cell.
 */
function chooseAuditCell(
  model: TableModel,
  hidden: ReadonlySet<string>,
  violation: CellAudit,
  numeratorKind: NumeratorKind,
): string | null {
  if (!hidden.has(violation.cellId)) return violation.cellId
  const related = new Set<string>()
  for (const r of model.relations)
    if (relationCells(r).includes(violation.cellId)) for (const id of relationCells(r)) related.add(id)
  for (const s of model.subsets)
    if (s.part === violation.cellId || s.whole === violation.cellId) related.add(s.part).add(s.whole)
  const visible = (ids: Iterable<string>) =>
    [...ids]
      .map((id) => model.byId.get(id) as ModelCell)
      .filter((c) => c && !hidden.has(c.id) && c.n > 0)
      .sort((a, b) => (cheaper(a, b) ? -1 : cheaper(b, a) ? 1 : 0))
  let candidates = visible(related)
  if (candidates.length === 0) candidates = visible(model.byId.keys())
  if (candidates.length === 0) return null
  if (violation.quantity === 'n') return (candidates[0] as ModelCell).id
  const deficit = violation.required - (violation.interval.max - violation.interval.min)
  // Which way can the interval still grow? Up unless it already reaches the cell's n (a share's
  // numerator or students without), down unless it is at 0. A hidden neighbour widens it upwards by
  // giving up its own count (its numerator), downwards by taking more (its students without) — for
  // students without the outcome, the other way round.
  const exposed = model.byId.get(violation.cellId) as ModelCell
  const ceiling = numeratorKind === 'share' ? exposed.n : Number.POSITIVE_INFINITY
  const canRise = violation.interval.max < ceiling
  const canFall = violation.interval.min > 0
  const slack = (c: ModelCell) => {
    if (c.numerator === null) return 0
    const gives = Math.max(0, c.numerator)
    const takes = numeratorKind === 'share' ? Math.max(0, c.n - c.numerator) : Number.POSITIVE_INFINITY
    const [up, down] = violation.quantity === 'without' ? [takes, gives] : [gives, takes]
    return (canRise ? up : 0) + (canFall ? down : 0)
  }
  const enough = candidates.find((c) => slack(c) >= deficit)
  if (enough) return enough.id
  let best = candidates[0] as ModelCell
  for (const c of candidates) if (slack(c) > slack(best)) best = c
  return best.id
}
