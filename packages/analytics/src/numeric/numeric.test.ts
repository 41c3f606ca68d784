import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import referenceText from '../__fixtures__/qbinom-0.05.jsonl?raw'
import { AccurateSum, meanOf, sumOf } from './accurate-sum.ts'
import { minimumCrossings, symmetricBinomialQuantile } from './binomial-quantile.ts'
import { medianOf } from './median.ts'

describe('binomial quantile', () => {
  it('matches hand computation for small sizes', () => {
    // Bin(4, .5): P(X≤0) = 1/16 = .0625 ≥ .05 → 0
    expect(symmetricBinomialQuantile(0.05, 4)).toBe(0)
    // Bin(5, .5): P(X≤0) = 1/32 = .03125 < .05; P(X≤1) = 6/32 → 1
    expect(symmetricBinomialQuantile(0.05, 5)).toBe(1)
    // Bin(0, .5) is 0 with certainty
    expect(symmetricBinomialQuantile(0.05, 0)).toBe(0)
    // Anhøj's table: 10 useful points → at least 2 crossings (qbinom(.05, 9, .5))
    expect(minimumCrossings(10)).toBe(2)
    expect(minimumCrossings(0)).toBe(0)
  })

  it("equals R's qbinom(0.05, size, 0.5) for size 0..5000 and large sizes", () => {
    const [small, large] = referenceText
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { quantiles: number[]; sizes?: number[] })
    if (small === undefined || large === undefined || large.sizes === undefined) throw new Error('fixture')
    small.quantiles.forEach((quantile, size) => {
      if (symmetricBinomialQuantile(0.05, size) !== quantile) throw new Error(`size ${size}`)
    })
    expect(large.sizes.map((size) => symmetricBinomialQuantile(0.05, size))).toEqual(large.quantiles)
  })

  it('rejects sizes that are not non-negative integers', () => {
    expect(() => symmetricBinomialQuantile(0.05, -1)).toThrow(RangeError)
    expect(() => symmetricBinomialQuantile(0.05, 1.5)).toThrow(RangeError)
  })
})

describe('accurate sum and mean', () => {
  it('rounds once, like R', () => {
    expect(meanOf([0.1, 0.2, 0.3])).toBe(0.2)
    expect(sumOf([0.1, 0.2, 0.3])).toBe(0.6)
    expect(meanOf([1e16, 1, -1e16])).toBe(1 / 3)
    expect(Number.isNaN(meanOf([]))).toBe(true)
    expect(sumOf([])).toBe(0)
    expect(meanOf([Number.NaN, 2, 4])).toBe(3)
  })

  it('the mean of integers is the correctly rounded quotient', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const total = values.reduce((sum, v) => sum + v, 0)
          expect(meanOf(values)).toBe(total / values.length)
        },
      ),
    )
  })

  it('an accumulator can be reset and reused', () => {
    const accumulator = new AccurateSum()
    accumulator.add(1)
    accumulator.reset()
    accumulator.add(2)
    expect(accumulator.mean()).toBe(2)
    expect(accumulator.count).toBe(1)
  })
})

describe('median', () => {
  it('matches the sorted middle value(s)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => v + 0),
          { maxLength: 99 },
        ),
        (values) => {
          const sorted = [...values].sort((a, b) => a - b)
          const middle = Math.floor((sorted.length - 1) / 2)
          const expected =
            sorted.length === 0
              ? Number.NaN
              : sorted.length % 2 === 1
                ? sorted[middle]
                : ((sorted[middle] as number) + (sorted[middle + 1] as number)) / 2
          expect(medianOf(values)).toBe(expected)
        },
      ),
    )
  })

  it('skips missing values and leaves the input untouched', () => {
    const values = [3, Number.NaN, 1, 2]
    expect(medianOf(values)).toBe(2)
    expect(values).toEqual([3, Number.NaN, 1, 2])
  })
})
