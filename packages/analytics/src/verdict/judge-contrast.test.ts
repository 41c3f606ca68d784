// The cumulative-shift rule for the weekly changes of a to-date status (ADR 014): a small sustained
// shift of alternating (noisy) net changes forms no runs signal, but its sum over the cycle does.
import { describe, expect, it } from 'vitest'
import { CUMULATIVE_SHIFT_LIMIT, cumulativeShift, judgeContrast } from './judge-contrast.ts'

/** 20 baseline changes alternating +1 / −1 (a level measured with noise), then 8 cycle changes. */
function alternatingSeries(shift: number): Float64Array {
  const z: number[] = []
  for (let i = 0; i < 20; i++) z.push(i % 2 === 0 ? 1 : -1)
  for (let i = 0; i < 8; i++) z.push((i % 2 === 0 ? 1 : -1) + shift)
  return Float64Array.from(z)
}

const judge = (z: Float64Array, cumulative: boolean, higherIsBetter = true) =>
  judgeContrast({
    z,
    baselineCount: 20,
    standardized: true,
    clustered: true,
    cumulative,
    higherIsBetter,
    originalIndex: (k) => k,
    noun: 'weekly changes',
  })

describe('cumulativeShift', () => {
  it('is the summed excess over the baseline mean in standard errors of the sum', () => {
    const z = alternatingSeries(0.5)
    // baseline: mean 0, s² = 20/19, c1 = −19/19 = −1; a sum of 8 (or 20) alternating values varies
    // no more than one value (the floor s²), plus (8/20)² s² for the estimated mean
    const s2 = 20 / 19
    expect(cumulativeShift(z, 20)).toBeCloseTo(4 / Math.sqrt(s2 + 0.16 * s2), 12)
  })

  it('needs 6 cycle values and a baseline that varies', () => {
    expect(cumulativeShift(alternatingSeries(0.5).subarray(0, 25), 20)).toBeNull()
    expect(cumulativeShift(new Float64Array(28).fill(1), 20)).toBeNull()
  })

  it('stays small when the cycle goes on as the baseline did', () => {
    expect(Math.abs(cumulativeShift(alternatingSeries(0), 20) as number)).toBeLessThan(1)
  })
})

describe('judgeContrast with cumulative (to-date statuses)', () => {
  it('finds a small sustained shift of alternating changes that the runs rules cannot see', () => {
    const z = alternatingSeries(0.5)
    expect(judge(z, false).verdict).toBe('no_signal')
    const judged = judge(z, true)
    expect(judged.verdict).toBe('improved')
    expect(judged.reasons.map((reason) => reason.rule)).toEqual(['cumulative_shift'])
    expect(judged.reasons[0]?.pointIndices).toEqual([20, 21, 22, 23, 24, 25, 26, 27])
    expect(judged.reasons[0]?.message).toContain(`more than ${CUMULATIVE_SHIFT_LIMIT}`)
  })

  it('says worsened when lower is better, and judges a downward shift the same way', () => {
    expect(judge(alternatingSeries(0.5), true, false).verdict).toBe('worsened')
    expect(judge(alternatingSeries(-0.5), true, false).verdict).toBe('improved')
  })

  it('gives no verdict for a shift within chance', () => {
    expect(judge(alternatingSeries(0.2), true).verdict).toBe('no_signal')
  })
})
