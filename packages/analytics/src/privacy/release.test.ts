import { describe, expect, it } from 'vitest'
import {
  decideSeriesRelease,
  otherThanCellId,
  type ReleaseCell,
  type ReleaseGroup,
  type ReleaseRule,
  schoolYearOf,
} from './release.ts'

const groups: ReleaseGroup[] = [
  { id: 'ALL', category: 'all', sortOrder: 10 },
  { id: 'AA', category: 'race_ethnicity', sortOrder: 20 },
  { id: 'AI', category: 'race_ethnicity', sortOrder: 30 },
  { id: 'HI', category: 'race_ethnicity', sortOrder: 40 },
  { id: 'WH', category: 'race_ethnicity', sortOrder: 50 },
  { id: 'EL', category: 'program', sortOrder: 60 },
  { id: 'FOS', category: 'other', sortOrder: 70 },
]

const rule: ReleaseRule = { threshold: 10, accumulation: 'period', schoolYearStart: '07-01' }

const cell = (groupId: string, n: number | null, numerator: number | null): ReleaseCell => ({
  groupId,
  n,
  numerator,
})

/** A school of 300: AI small, EL and foster youth given by the caller. */
function table(period: string, overrides: Partial<Record<string, [number, number]>> = {}) {
  const base: Record<string, [number, number]> = {
    ALL: [300, 60],
    AA: [40, 10],
    AI: [6, 2],
    HI: [150, 30],
    WH: [104, 18],
    EL: [80, 20],
    FOS: [12, 4],
    ...overrides,
  } as Record<string, [number, number]>
  return { period, cells: Object.entries(base).map(([id, [n, num]]) => cell(id, n, num)) }
}

describe('decideSeriesRelease', () => {
  it('hides a small group and its cheapest sibling, shows the rest', () => {
    const release = decideSeriesRelease({ tables: [table('2025-09-01')], groups, rule })
    expect(release.cell('2025-09-01', 'AI')).toEqual({ kind: 'suppressed', reason: 'primary' })
    expect(release.cell('2025-09-01', 'AA')).toEqual({ kind: 'suppressed', reason: 'complementary' })
    expect(release.cell('2025-09-01', 'HI')).toEqual({ kind: 'shown' })
    expect(release.cell('2025-09-01', 'ALL')).toEqual({ kind: 'shown' })
    expect(release.cell('2025-09-01', otherThanCellId('EL'))).toEqual({ kind: 'shown' })
  })

  it('treats groups of category "other" as flags: a small foster-youth complement hides the group too', () => {
    // 295 of 300 students are foster youth: "all other students" has 5 and is the small cell
    const release = decideSeriesRelease({
      tables: [table('2025-09-01', { FOS: [295, 59], AI: [20, 4], WH: [90, 16] })],
      groups,
      rule,
    })
    expect(release.cell('2025-09-01', otherThanCellId('FOS'))).toEqual({
      kind: 'suppressed',
      reason: 'primary',
    })
    expect(release.cell('2025-09-01', 'FOS')).toEqual({ kind: 'suppressed', reason: 'complementary' })
  })

  it('breaks ties by the fixed group order, whatever order the cells come in', () => {
    const tied = table('2025-09-01', { AA: [40, 10], WH: [40, 8], HI: [214, 40] })
    const reversed = { period: tied.period, cells: [...tied.cells].reverse() }
    const a = decideSeriesRelease({ tables: [tied], groups, rule })
    const b = decideSeriesRelease({ tables: [reversed], groups: [...groups].reverse(), rule })
    for (const id of ['ALL', 'AA', 'AI', 'HI', 'WH'])
      expect(b.cell(tied.period, id)).toEqual(a.cell(tied.period, id))
    expect(a.cell(tied.period, 'AA')).toEqual({ kind: 'suppressed', reason: 'complementary' })
    expect(a.cell(tied.period, 'WH')).toEqual({ kind: 'shown' })
  })

  it('keeps a to-date cell hidden for the rest of the school year, and starts afresh in the next', () => {
    const tables = [
      table('2025-09-01'),
      table('2025-09-08', { AI: [12, 3], HI: [144, 29] }),
      table('2026-06-29', { AI: [12, 3], HI: [144, 29] }),
      table('2026-07-06', { AI: [12, 3], HI: [144, 29] }),
    ]
    const toDate = decideSeriesRelease({ tables, groups, rule: { ...rule, accumulation: 'to_date' } })
    expect(toDate.cell('2025-09-08', 'AI')).toEqual({ kind: 'suppressed', reason: 'year_to_date' })
    expect(toDate.cell('2026-06-29', 'AI')).toEqual({ kind: 'suppressed', reason: 'year_to_date' })
    expect(toDate.cell('2026-07-06', 'AI')).toEqual({ kind: 'shown' })
    const perPeriod = decideSeriesRelease({ tables, groups, rule })
    expect(perPeriod.cell('2025-09-08', 'AI')).toEqual({ kind: 'shown' })
  })

  it('decides a to-date status period by period in a year its all-students count is seen to fall', () => {
    // chronically absent so far: students leave the count when they attend, and all students shows it
    const tables = [
      table('2025-09-01'),
      table('2025-09-08', { ALL: [300, 58], AI: [12, 3], HI: [144, 26] }),
      table('2026-09-07'),
      table('2026-09-14', { ALL: [300, 61], AI: [12, 3], HI: [144, 31] }),
    ]
    const release = decideSeriesRelease({ tables, groups, rule: { ...rule, accumulation: 'to_date' } })
    expect(release.cell('2025-09-08', 'AI')).toEqual({ kind: 'shown' })
    // the next year's count never falls: a running count, carried as before
    expect(release.cell('2026-09-14', 'AI')).toEqual({ kind: 'suppressed', reason: 'year_to_date' })
  })

  it('top/bottom codes shares near 0 % or 100 % by the n-tiered rule', () => {
    const release = decideSeriesRelease({
      tables: [
        table('2025-09-01', {
          ALL: [300, 2],
          AA: [40, 2],
          HI: [150, 0],
          WH: [104, 0],
          AI: [6, 0],
          EL: [80, 1],
          FOS: [12, 1],
        }),
      ],
      groups,
      rule,
    })
    expect(release.cell('2025-09-01', 'ALL')).toEqual({ kind: 'coded', bound: 'at_most', percent: 1 })
    expect(release.cell('2025-09-01', 'HI')).toEqual({ kind: 'coded', bound: 'at_most', percent: 2 })
    // AA 2 of 40 = 5 %: within the 40–99 tier's 5 %
    expect(['coded', 'suppressed']).toContain(release.cell('2025-09-01', 'AA').kind)
  })

  it('rejects malformed input with a specific message', () => {
    expect(() =>
      decideSeriesRelease({ tables: [table('2025-9-1')], groups, rule: { ...rule, schoolYearStart: '7-1' } }),
    ).toThrow(/period must be YYYY-MM-DD.*|schoolYearStart must be MM-DD/)
    expect(() =>
      decideSeriesRelease({ tables: [{ period: '2025-09-01', cells: [cell('XX', 3, 1)] }], groups, rule }),
    ).toThrow(/unknown group "XX"/)
    expect(() =>
      decideSeriesRelease({ tables: [{ period: '2025-09-01', cells: [cell('AA', -1, 0)] }], groups, rule }),
    ).toThrow(/group "AA": n must be a non-negative number or null/)
    expect(() =>
      decideSeriesRelease({ tables: [table('2025-09-01')], groups, rule: { ...rule, protectionWidth: 0 } }),
    ).toThrow(/protectionWidth must be a positive whole number/)
  })

  it('names the school year by the year it starts in', () => {
    expect(schoolYearOf('2025-06-30', '07-01')).toBe(2024)
    expect(schoolYearOf('2025-07-01', '07-01')).toBe(2025)
  })
})
