import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { radixSortedOrder, sortedOrder } from './aggregate-points.ts'

/** The stable order Array.prototype.sort gives (ES2019 requires stability). */
function stableOrder(keys: number[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number))
}

describe('sorting rows by x', () => {
  it('radix order equals the stable comparison sort, duplicates and negative numbers included (property)', () => {
    const key = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, 1e-310, -1e-310, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 0.30000000000000004),
      fc.date({ noInvalidDate: true }).map((date) => date.getTime()),
    )
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        expect([...radixSortedOrder(Float64Array.from(keys))]).toEqual(stableOrder(keys))
      }),
      { numRuns: 500 },
    )
  })

  it('rows already in order need no permutation', () => {
    expect(sortedOrder(Float64Array.from([1, 2, 2, 5]))).toBeNull()
    expect([...(sortedOrder(Float64Array.from([3, 1, 2, 1])) ?? [])]).toEqual([1, 3, 2, 0])
  })
})
