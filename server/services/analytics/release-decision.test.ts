import { describe, expect, it } from 'vitest'
import type { PrivacyContext } from './privacy-context.ts'
import { decideRelease, numeratorKindOf, type RawTable, withheldOf } from './release-decision.ts'

const groups = [
  { id: 'ALL', code: 'ALL', name: 'All students', category: 'all' as const, sortOrder: 0 },
  { id: 'EL', code: 'EL', name: 'English learners', category: 'program' as const, sortOrder: 10 },
  { id: 'AA', code: 'AA', name: 'Black', category: 'race_ethnicity' as const, sortOrder: 20 },
  { id: 'WH', code: 'WH', name: 'White', category: 'race_ethnicity' as const, sortOrder: 21 },
  { id: 'HI', code: 'HI', name: 'Hispanic', category: 'race_ethnicity' as const, sortOrder: 22 },
]
const privacy: PrivacyContext = {
  threshold: 10,
  schoolYearStart: '07-01',
  groups,
  groupById: new Map(groups.map((g) => [g.id, g])),
  allGroup: groups[0] ?? null,
}

const cell = (numerator: number, denominator: number) => ({
  value: (numerator / denominator) * 100,
  numerator,
  denominator,
})

function table(periods: Record<string, Record<string, ReturnType<typeof cell>>>): RawTable {
  return new Map(Object.entries(periods).map(([p, cells]) => [p, new Map(Object.entries(cells))]))
}

describe('decideRelease', () => {
  const raw = table({
    '2025-09-01': {
      ALL: cell(20, 66),
      AA: cell(2, 6),
      WH: cell(8, 30),
      HI: cell(10, 30),
      EL: cell(12, 40),
    },
    '2025-09-08': {
      ALL: cell(22, 72),
      AA: cell(3, 12),
      WH: cell(9, 30),
      HI: cell(10, 30),
      EL: cell(12, 40),
    },
  })

  it('never carries the numbers of a cell it does not show', () => {
    const release = decideRelease(raw, privacy, { accumulation: 'period', chartType: 'p' })
    expect(release.periods).toEqual(['2025-09-01', '2025-09-08'])
    const first = release.cells.get('2025-09-01')
    expect(first?.get('AA')).toEqual({
      period: '2025-09-01',
      value: null,
      numerator: null,
      denominator: null,
      decision: { kind: 'suppressed', reason: 'primary' },
    })
    for (const cells of release.cells.values()) {
      for (const c of cells.values()) {
        if (c.decision.kind !== 'shown')
          expect([c.value, c.numerator, c.denominator]).toEqual([null, null, null])
        else expect(c.denominator).not.toBeNull()
      }
    }
  })

  it('hides, for a year-to-date measure, a group small earlier in the school year', () => {
    const period = decideRelease(raw, privacy, { accumulation: 'period', chartType: 'p' })
    const toDate = decideRelease(raw, privacy, { accumulation: 'to_date', chartType: 'p' })
    expect(period.cells.get('2025-09-08')?.get('AA')?.decision.kind).toBe('shown')
    expect(toDate.cells.get('2025-09-08')?.get('AA')?.decision).toEqual({
      kind: 'suppressed',
      reason: 'year_to_date',
    })
  })

  it('marks a program group whose "all other students" cell is withheld', () => {
    const small = table({ '2025-09-01': { ALL: cell(20, 46), EL: cell(12, 40), WH: cell(10, 46) } })
    const release = decideRelease(small, privacy, { accumulation: 'period', chartType: 'p' })
    // 46 − 40 = 6 students other than EL: the derived cell is small, so EL is withheld with it.
    expect(release.otherThanHidden.get('2025-09-01')?.has('EL')).toBe(true)
    expect(release.cells.get('2025-09-01')?.get('EL')?.decision.kind).not.toBe('shown')
  })
})

describe('withheldOf and numeratorKindOf', () => {
  it('says "small" only for primary cells, and passes ranges through', () => {
    expect(withheldOf({ kind: 'shown' })).toBeNull()
    expect(withheldOf({ kind: 'suppressed', reason: 'primary' })).toEqual({ kind: 'small' })
    for (const reason of ['complementary', 'audit', 'year_to_date'] as const) {
      expect(withheldOf({ kind: 'suppressed', reason })).toEqual({ kind: 'hidden' })
    }
    expect(withheldOf({ kind: 'coded', bound: 'at_most', percent: 5 })).toEqual({
      kind: 'coded',
      bound: 'at_most',
      percent: 5,
    })
  })

  it('reads shares from p charts, counts from u and c charts, anything else as signed', () => {
    expect(numeratorKindOf('p')).toBe('share')
    expect(numeratorKindOf('u')).toBe('count')
    expect(numeratorKindOf('c')).toBe('count')
    expect(numeratorKindOf('i')).toBe('signed')
    expect(numeratorKindOf('run')).toBe('signed')
  })
})
