import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AdditiveRelation,
  findRecoverableCells,
  hasSingleSuppressedCell,
  maskSuppressedCells,
  maskSuppressedValues,
  type SuppressionCell,
  type SuppressionResult,
  suppressCells,
} from './suppress-cells.ts'

function suppress(
  cells: SuppressionCell[],
  relations: AdditiveRelation[],
  threshold?: number,
): SuppressionResult {
  const outcome = suppressCells({ cells, relations, threshold })
  if (!outcome.ok) throw new Error(outcome.issues.join('; '))
  return outcome.result
}

describe('suppressCells', () => {
  it('primary suppression of 0 < n < threshold, complementary on the smallest sibling', () => {
    // ALL = A + B + C + D with A = 4: A primary; then ALL − (B + C + D) would reveal A, so the
    // smallest other member (C = 12) is suppressed too
    const cells = [
      { id: 'ALL', n: 136 },
      { id: 'A', n: 4 },
      { id: 'B', n: 60 },
      { id: 'C', n: 12 },
      { id: 'D', n: 60 },
    ]
    const result = suppress(cells, [{ total: 'ALL', members: ['A', 'B', 'C', 'D'] }])
    expect(result.suppressed).toEqual({ A: 'primary', C: 'complementary' })
    expect(result.cells.map((cell) => cell.reason)).toEqual([null, 'primary', null, 'complementary', null])
  })

  it('an empty cell is neither primary-suppressed nor used as a complement', () => {
    const cells = [
      { id: 'ALL', n: 105 },
      { id: 'A', n: 5 },
      { id: 'B', n: 0 },
      { id: 'C', n: 100 },
    ]
    expect(suppress(cells, [{ total: 'ALL', members: ['A', 'B', 'C'] }]).suppressed).toEqual({
      A: 'primary',
      C: 'complementary',
    })
  })

  it('cascades across relations that share cells (ALL = races, ALL = EL + non-EL)', () => {
    // A race group is small → complement another race; EL is small → complement non-EL (derived),
    // and no relation ends with exactly one suppressed cell
    const cells = [
      { id: 'ALL', n: 200 },
      { id: 'R1', n: 7 },
      { id: 'R2', n: 93 },
      { id: 'R3', n: 100 },
      { id: 'EL', n: 9 },
      { id: 'NON_EL', n: 191 },
    ]
    const relations = [
      { total: 'ALL', members: ['R1', 'R2', 'R3'] },
      { total: 'ALL', members: ['EL', 'NON_EL'] },
    ]
    const result = suppress(cells, relations)
    expect(result.suppressed).toEqual({
      R1: 'primary',
      EL: 'primary',
      R2: 'complementary',
      NON_EL: 'complementary',
    })
  })

  it('catches cells isolated by a combination of relations', () => {
    // T1 = A + B, T2 = A + C, T3 = B + C with A, B, C hidden: A = (T1 + T2 − T3) / 2
    const relations = [
      { total: 'T1', members: ['A', 'B'] },
      { total: 'T2', members: ['A', 'C'] },
      { total: 'T3', members: ['B', 'C'] },
    ]
    expect(findRecoverableCells(relations, new Set(['A', 'B', 'C']))).toEqual(['A', 'B', 'C'])
    const cells = [
      { id: 'T1', n: 25 },
      { id: 'T2', n: 25 },
      { id: 'T3', n: 30 },
      { id: 'A', n: 5 },
      { id: 'B', n: 20 },
      { id: 'C', n: 20 },
    ]
    const result = suppress(cells, relations)
    expect(findRecoverableCells(relations, new Set(Object.keys(result.suppressed)))).toEqual([])
  })

  it('validates ids and counts', () => {
    const outcome = suppressCells({
      cells: [
        { id: 'A', n: 1 },
        { id: 'A', n: -1 },
      ],
      relations: [{ total: 'A', members: ['A', 'X'] }],
    })
    expect(outcome.ok ? [] : outcome.issues).toHaveLength(4)
  })

  it('masks suppressed numbers so nothing downstream can use them', () => {
    const cells = [
      { id: 'ALL', n: 100, numerator: 40, label: 'All' },
      { id: 'A', n: 5, numerator: 2, label: 'A' },
      { id: 'B', n: 95, numerator: 38, label: 'B' },
    ]
    const result = suppress(cells, [{ total: 'ALL', members: ['A', 'B'] }])
    expect(maskSuppressedCells(cells, result)).toEqual([
      { id: 'ALL', n: 100, numerator: 40, label: 'All', isSuppressed: false },
      { id: 'A', n: null, numerator: null, label: 'A', isSuppressed: true },
      { id: 'B', n: null, numerator: null, label: 'B', isSuppressed: true },
    ])
    expect(maskSuppressedValues([1, 2, 3], (i) => i === 1)).toEqual([1, null, 3])
  })
})

describe('suppressCells properties', () => {
  // random district tables: ALL = groups of several partitions (race, EL, SWD, ...), sometimes a
  // nested level (a group = its subgroups)
  const tableArbitrary = fc
    .record({
      partitions: fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 6 }), {
        minLength: 1,
        maxLength: 3,
      }),
      nested: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 3 }),
      threshold: fc.integer({ min: 1, max: 15 }),
    })
    .map(({ partitions, nested, threshold }) => {
      const total = (partitions[0] as number[]).reduce((sum, n) => sum + n, 0)
      const cells: SuppressionCell[] = [{ id: 'ALL', n: total }]
      const relations: AdditiveRelation[] = []
      partitions.forEach((sizes, p) => {
        // rescale later partitions so each adds up to the same total
        const members = sizes.map((_, g) => `P${p}G${g}`)
        const scaled = p === 0 ? sizes : rescale(sizes, total)
        scaled.forEach((n, g) => {
          cells.push({ id: members[g] as string, n })
        })
        relations.push({ total: 'ALL', members })
      })
      if (nested.length >= 2) {
        const parent = cells[1] as SuppressionCell
        const parts = rescale(nested, parent.n)
        const members = parts.map((_, k) => `${parent.id}S${k}`)
        parts.forEach((n, k) => {
          cells.push({ id: members[k] as string, n })
        })
        relations.push({ total: parent.id, members })
      }
      return { cells, relations, threshold }
    })

  function rescale(sizes: number[], total: number): number[] {
    const sum = sizes.reduce((a, b) => a + b, 0)
    if (sum === 0) return sizes.map((_, i) => (i === 0 ? total : 0))
    const scaled = sizes.map((n) => Math.floor((n * total) / sum))
    scaled[0] = (scaled[0] as number) + total - scaled.reduce((a, b) => a + b, 0)
    return scaled
  }

  it('no relation is left with exactly one suppressed cell, and no cell is recoverable', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ cells, relations, threshold }) => {
        const result = suppress(cells, relations, threshold)
        const isSuppressed = (id: string) => result.suppressed[id] !== undefined
        for (const relation of relations) expect(hasSingleSuppressedCell(relation, isSuppressed)).toBe(false)
        expect(findRecoverableCells(relations, new Set(Object.keys(result.suppressed)))).toEqual([])
      }),
    )
  })

  it('every small non-empty cell is primary; every primary cell is small; empty cells are never primary', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ cells, relations, threshold }) => {
        const result = suppress(cells, relations, threshold)
        for (const cell of cells) {
          const reason = result.suppressed[cell.id]
          const isSmall = cell.n > 0 && cell.n < threshold
          expect(reason === 'primary').toBe(isSmall)
          if (cell.n === 0) expect(reason).not.toBe('primary')
        }
      }),
    )
  })

  it('suppresses nothing when no cell is small', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ cells, relations }) => {
        const largeCells = cells.map((cell) => ({ ...cell, n: cell.n === 0 ? 0 : cell.n + 100 }))
        expect(suppress(largeCells, relations, 10).suppressed).toEqual({})
      }),
    )
  })
})
