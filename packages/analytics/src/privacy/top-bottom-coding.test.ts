import { describe, expect, it } from 'vitest'
import { codedNumeratorRange, codingBand, codingPercent } from './top-bottom-coding.ts'

describe('top/bottom coding', () => {
  it('uses the n-tiered bands (education-data.md §4.3)', () => {
    expect([10, 39, 40, 99, 100, 299, 300, 5000].map(codingPercent)).toEqual([10, 10, 5, 5, 2, 2, 1, 1])
  })

  it('codes shares within the band of 0 % or 100 %, at the band edge included, and nothing else', () => {
    expect(codingBand(300, 3, 10)).toEqual({ bound: 'at_most', percent: 1 })
    expect(codingBand(300, 4, 10)).toBeNull()
    expect(codingBand(60, 57, 10)).toEqual({ bound: 'at_least', percent: 95 })
    expect(codingBand(60, 56, 10)).toBeNull()
    expect(codingBand(12, 0, 10)).toEqual({ bound: 'at_most', percent: 10 })
    // below the threshold a cell is hidden, not coded
    expect(codingBand(9, 0, 10)).toBeNull()
  })

  it('tells what a band leaves an attacker: whole counts round inward, fractions do not', () => {
    expect(codedNumeratorRange(60, { bound: 'at_least', percent: 95 }, true)).toEqual({ min: 57, max: 60 })
    expect(codedNumeratorRange(39, { bound: 'at_most', percent: 10 }, true)).toEqual({ min: 0, max: 3 })
    expect(codedNumeratorRange(39, { bound: 'at_most', percent: 10 }, false)).toEqual({ min: 0, max: 3.9 })
  })
})
