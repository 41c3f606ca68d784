import { describe, expect, it } from 'vitest'
import {
  describeCycleVerdict,
  describeVerdictMethod,
  limitsNote,
  type VerdictFacts,
} from './describe-verdict.ts'

const summary = (n: number, median: number | null) => ({ n, median, mean: median, centreLine: median })

const shortCycle: VerdictFacts = {
  verdict: 'not_enough_data',
  reasons: [],
  baseline: summary(40, 0.3),
  evaluation: summary(3, 0.28),
  pointsNeeded: { baseline: 0, evaluation: 3 },
}

const subject = {
  subject: 'Chronic absence rate for English learners',
  unit: 'percent' as const,
  cadence: 'weekly' as const,
  chartType: 'p' as const,
}

describe('describeCycleVerdict with too little data', () => {
  it('asks for more data while the cycle runs', () => {
    expect(describeCycleVerdict(shortCycle, subject)).toBe(
      'Not enough data yet for chronic absence rate for English learners: the cycle has 3 values and no signal so far — 3 more weeks of data needed.',
    )
  })

  it('reads final once the cycle is complete, never asking for more weeks', () => {
    const text = describeCycleVerdict(shortCycle, { ...subject, isFinal: true })
    expect(text).toBe(
      'The cycle ended with 3 of the 6 values needed; too little data to judge chronic absence rate for English learners.',
    )
    expect(text).not.toMatch(/more weeks/)
  })

  it('reads final from the minimums when the engine gives no pointsNeeded for a complete cycle', () => {
    const { pointsNeeded: _, ...facts } = shortCycle
    expect(describeCycleVerdict(facts, { ...subject, isFinal: true })).toBe(
      'The cycle ended with 3 of the 6 values needed; too little data to judge chronic absence rate for English learners.',
    )
  })

  it('says a final verdict lacked a baseline when that is what was missing', () => {
    const facts = { ...shortCycle, baseline: summary(4, 0.3), pointsNeeded: { baseline: 6, evaluation: 0 } }
    expect(describeCycleVerdict(facts, { ...subject, isFinal: true, hiddenCount: 2, threshold: 10 })).toBe(
      'The cycle ended, but the baseline before it has 4 of the 10 values needed; too little data to judge chronic absence rate for English learners. 2 values are hidden (n < 10).',
    )
  })
})

describe('the method in words', () => {
  it('names Laney limits and why, in the cadence of the measure', () => {
    expect(limitsNote('laney', 'p', 'weekly')).toBe(
      'Laney p′ limits: the week-to-week variation is larger than the sample sizes alone explain',
    )
    expect(limitsNote('laney', 'u', 'monthly')).toBe(
      'Laney u′ limits: the month-to-month variation is larger than the sample sizes alone explain',
    )
  })

  it('names Shewhart limits, and run chart rules when there are no limits', () => {
    expect(limitsNote('shewhart', 'p', 'weekly')).toBe(
      'Shewhart limits: the week-to-week variation is no larger than the sample sizes explain',
    )
    expect(limitsNote('shewhart', 'i', 'weekly')).toBe('Shewhart 3-sigma limits')
    expect(limitsNote('none', 'run', 'weekly')).toBe('Run chart rules (no control limits)')
  })

  it('puts the comparison first, as a sentence', () => {
    const words = describeVerdictMethod(
      {
        kind: 'comparison_schools',
        description: 'compared with 8 schools that ran no cycle on this measure',
        limits: 'laney',
        phaseStart: null,
      },
      { chartType: 'p', cadence: 'weekly' },
    )
    expect(words.summary).toBe(
      'Compared with 8 schools that ran no cycle on this measure. Laney p′ limits: the week-to-week variation is larger than the sample sizes alone explain.',
    )
  })
})
