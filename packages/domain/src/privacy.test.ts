import { findRecoverableCells } from '@pdsa/analytics'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { otherThanCellId, type PrivacyGroup, periodSuppressionInput, suppressPeriod } from './privacy.ts'

const groups: PrivacyGroup[] = [
  { id: 'ALL', category: 'all' },
  { id: 'AA', category: 'race_ethnicity' },
  { id: 'HI', category: 'race_ethnicity' },
  { id: 'WH', category: 'race_ethnicity' },
  { id: 'EL', category: 'program' },
  { id: 'SED', category: 'program' },
  { id: 'FOS', category: 'other' },
]

describe('periodSuppressionInput', () => {
  it('relates all students to the race groups and to each program group and its complement', () => {
    const input = periodSuppressionInput(
      [
        { groupId: 'ALL', n: 200 },
        { groupId: 'AA', n: 30 },
        { groupId: 'HI', n: 120 },
        { groupId: 'WH', n: 50 },
        { groupId: 'EL', n: 40 },
        { groupId: 'FOS', n: 3 },
      ],
      groups,
    )
    expect(input.relations).toEqual([
      { total: 'ALL', members: ['AA', 'HI', 'WH'] },
      { total: 'ALL', members: ['EL', otherThanCellId('EL')] },
    ])
    expect(input.cells).toContainEqual({ id: otherThanCellId('EL'), n: 160 })
    // A group of category "other" is in no relation: nothing can be subtracted from it.
    expect(input.relations.flatMap((r) => [r.total, ...r.members])).not.toContain('FOS')
  })

  it('has no relations without an all-students cell, and skips cells without an n', () => {
    const input = periodSuppressionInput(
      [
        { groupId: 'AA', n: 4 },
        { groupId: 'HI', n: null },
      ],
      groups,
    )
    expect(input.relations).toEqual([])
    expect(input.cells).toEqual([{ id: 'AA', n: 4 }])
  })
})

describe('suppressPeriod', () => {
  it('hides a small race group and the next smallest race group, so neither can be subtracted out', () => {
    const hidden = suppressPeriod(
      [
        { groupId: 'ALL', n: 200 },
        { groupId: 'AA', n: 6 },
        { groupId: 'HI', n: 150 },
        { groupId: 'WH', n: 44 },
      ],
      groups,
      10,
    )
    expect(Object.fromEntries(hidden)).toEqual({ AA: 'primary', WH: 'complementary' })
  })

  it('never lets a derived "all other students" value reveal a suppressed focal cell', () => {
    const hidden = suppressPeriod(
      [
        { groupId: 'ALL', n: 200 },
        { groupId: 'EL', n: 7 },
      ],
      groups,
      10,
    )
    expect(hidden.get('EL')).toBe('primary')
    expect(hidden.get(otherThanCellId('EL'))).toBe('complementary')
    expect(hidden.has('ALL')).toBe(false)
  })

  it('hides the focal group when "all other students" is the small cell', () => {
    const hidden = suppressPeriod(
      [
        { groupId: 'ALL', n: 100 },
        { groupId: 'SED', n: 94 },
      ],
      groups,
      10,
    )
    expect(hidden.get(otherThanCellId('SED'))).toBe('primary')
    expect(hidden.get('SED')).toBe('complementary')
  })

  it('leaves an empty cell shown (no student to protect) and a cell with no n alone', () => {
    const hidden = suppressPeriod(
      [
        { groupId: 'ALL', n: 100 },
        { groupId: 'EL', n: 0 },
        { groupId: 'FOS', n: null },
      ],
      groups,
      10,
    )
    expect(hidden.size).toBe(0)
  })

  it('leaves nothing recoverable by any combination of relations (random periods)', () => {
    const count = fc.integer({ min: 0, max: 60 })
    fc.assert(
      fc.property(count, count, count, count, count, (aa, hi, wh, el, sed) => {
        const all = aa + hi + wh
        const cells = [
          { groupId: 'ALL', n: all },
          { groupId: 'AA', n: aa },
          { groupId: 'HI', n: hi },
          { groupId: 'WH', n: wh },
          { groupId: 'EL', n: Math.min(el, all) },
          { groupId: 'SED', n: Math.min(sed, all) },
        ]
        const hidden = suppressPeriod(cells, groups, 10)
        const { cells: withDerived, relations } = periodSuppressionInput(cells, groups)
        // every cell with 0 < n < 10 is hidden, derived ones included
        for (const c of withDerived) if (c.n > 0 && c.n < 10) expect(hidden.has(c.id)).toBe(true)
        // and no hidden cell can be worked out from the shown ones
        expect(findRecoverableCells(relations, new Set(hidden.keys()))).toEqual([])
        // a hidden focal group always hides its derived complement (or the total), and vice versa
        for (const g of ['EL', 'SED']) {
          const n = cells.find((c) => c.groupId === g)?.n ?? 0
          if (n > 0 && hidden.has(g)) {
            expect(hidden.has(otherThanCellId(g)) || hidden.has('ALL')).toBe(true)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
