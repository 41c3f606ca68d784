import { describe, expect, it } from 'vitest'
import { yDomain } from './chart-data'

describe('yDomain', () => {
  it('never runs a percentage axis past 100 %, even when a control limit does', () => {
    const [low, high] = yDomain([88, 92.3, 95, 101.9], 'percent')
    expect(high).toBe(100)
    expect(low).toBeGreaterThan(80)
  })
  it('pads a percentage axis that stays below 100 %', () => {
    const [, high] = yDomain([10, 20, 30], 'percent')
    expect(high).toBeCloseTo(31.6)
  })
  it('never runs counts and percentages below zero, and leaves other units alone', () => {
    expect(yDomain([1, 2, 3], 'count')[0]).toBe(0.84)
    expect(yDomain([0, 10], 'percent')[0]).toBe(0)
    expect(yDomain([-5, 5], 'score')[0]).toBeLessThan(-5)
  })
})
