// The prepared (sorted, validated) form of an observations array is kept per array object: the server
// passes the same comparison series to every link of a measure and group (issue 9, item 9: a district's
// 10,000 links judged in under a second). Verdicts must not depend on whether an array was seen before.
import { describe, expect, it } from 'vitest'
import {
  type ComparisonSeries,
  type CycleVerdictInput,
  cycleVerdict,
  type MeasureDefinition,
  type Observation,
} from './cycle-verdict.ts'

/** 104 Mondays from 2023-07-03: two school years (school year starts 07-01). */
const WEEKS = Array.from({ length: 104 }, (_, i) =>
  new Date(Date.UTC(2023, 6, 3 + 7 * i)).toISOString().slice(0, 10),
)
const week = (i: number) => WEEKS[i] as string

const P_MEASURE: MeasureDefinition = {
  chartType: 'p',
  higherIsBetter: true,
  cadence: 'weekly',
  multiplier: 100,
}

/** A proportion series with a deterministic wobble; `lift` adds to the numerators from week `from`. */
function proportions(seed: number, lift = 0, from = WEEKS.length): Observation[] {
  return WEEKS.map((period, i) => {
    const denominator = 400 + ((seed * 37 + i * 11) % 50)
    const wobble = ((seed * 7919 + i * 104_729) % 21) - 10
    return { period, numerator: Math.round(denominator * 0.9) + wobble + (i >= from ? lift : 0), denominator }
  })
}

/** Deep copies: arrays the engine has never seen. */
const fresh = (input: CycleVerdictInput): CycleVerdictInput => ({
  ...input,
  observations: input.observations.map((o) => ({ ...o })),
  comparison: input.comparison?.map((c) => ({ ...c, observations: c.observations.map((o) => ({ ...o })) })),
})

/** Observations whose `period` counts its reads. */
function counted(observations: readonly Observation[]): { observations: Observation[]; reads: () => number } {
  let reads = 0
  const out = observations.map((o) => {
    const copy = { ...o }
    Object.defineProperty(copy, 'period', {
      get: () => {
        reads++
        return o.period
      },
      enumerable: true,
    })
    return copy
  })
  return { observations: out, reads: () => reads }
}

const linkAt = (
  start: number,
  weeks: number,
  observations: readonly Observation[],
  comparison: readonly ComparisonSeries[],
): CycleVerdictInput => ({
  measure: P_MEASURE,
  observations,
  cycle: { start: week(start), end: week(start + weeks - 1) },
  comparison,
  isFinal: true,
})

describe('comparison series shared by many links', () => {
  it('reads, parses and sorts a shared series once, and gives every link the verdict of fresh arrays', () => {
    const shared = [1, 2, 3, 4].map((seed) => ({ id: `school-${seed}`, ...counted(proportions(seed)) }))
    const comparison = shared.map(({ id, observations }) => ({ id, observations }))
    const focal = proportions(9, 40, 70)
    const links = [
      linkAt(70, 8, focal, comparison),
      linkAt(60, 6, proportions(10), comparison),
      linkAt(80, 10, proportions(11, -40, 80), comparison),
    ]
    const first = cycleVerdict(links[0] as CycleVerdictInput)
    const readsAfterFirst = shared.map(({ reads }) => reads())
    expect(readsAfterFirst.every((reads) => reads >= WEEKS.length)).toBe(true)
    const verdicts = [first, ...links.slice(1).map((link) => cycleVerdict(link))]
    expect(shared.map(({ reads }) => reads())).toEqual(readsAfterFirst)
    expect(verdicts).toEqual(links.map((link) => cycleVerdict(fresh(link))))
    expect(verdicts.map((v) => v.ok && v.verdict)).toEqual(['improved', 'no_signal', 'worsened'])
  })

  it('reports an invalid shared series under the label of each link that passes it', () => {
    const broken = proportions(5)
    broken[3] = { period: '2023-02-30', numerator: 1, denominator: 2 }
    const others = [1, 2, 3].map((seed) => ({ id: `school-${seed}`, observations: proportions(seed) }))
    const asFirst = cycleVerdict(linkAt(70, 8, proportions(9), [{ observations: broken }, ...others]))
    const asLast = cycleVerdict(linkAt(70, 8, proportions(9), [...others, { observations: broken }]))
    expect(asFirst).toEqual({
      ok: false,
      issues: ['comparison[0].observations[3].period "2023-02-30" is not an ISO date'],
    })
    expect(asLast).toEqual({
      ok: false,
      issues: ['comparison[3].observations[3].period "2023-02-30" is not an ISO date'],
    })
  })

  it('reads a series again when it has grown since it was prepared', () => {
    const focal = proportions(9, 40, 70).slice(0, 72)
    const comparison = [1, 2, 3].map((seed) => ({ id: `school-${seed}`, observations: proportions(seed) }))
    const link = linkAt(70, 8, focal, comparison)
    const early = cycleVerdict(link)
    expect(early.ok && early.evaluation.n).toBe(2)
    focal.push(...proportions(9, 40, 70).slice(72, 78))
    const later = cycleVerdict(link)
    expect(later.ok && later.evaluation.n).toBe(8)
    expect(later).toEqual(cycleVerdict(fresh(link)))
  })

  it('pools a list of comparison series again when one of its series was replaced', () => {
    const comparison = [1, 2, 3, 4].map((seed) => ({ id: `school-${seed}`, observations: proportions(seed) }))
    const link = linkAt(70, 8, proportions(9, 40, 70), comparison)
    const before = cycleVerdict(link)
    comparison[2] = { id: 'school-7', observations: proportions(7, 60, 70) }
    const after = cycleVerdict(link)
    expect(after).toEqual(cycleVerdict(fresh(link)))
    expect(after.ok && after.evaluation).toEqual(before.ok && before.evaluation)
    expect(after).not.toEqual(before)
  })

  it('keeps a series prepared for a chart with a denominator apart from one without', () => {
    const observations = proportions(9, 40, 70)
    const comparison = [1, 2, 3].map((seed) => ({ id: `school-${seed}`, observations: proportions(seed) }))
    const asP = linkAt(70, 8, observations, comparison)
    const asRun: CycleVerdictInput = { ...asP, measure: { ...P_MEASURE, chartType: 'run' } }
    expect(cycleVerdict(asP)).toEqual(cycleVerdict(fresh(asP)))
    expect(cycleVerdict(asRun)).toEqual(cycleVerdict(fresh(asRun)))
    expect(cycleVerdict(asP)).toEqual(cycleVerdict(fresh(asP)))
  })
})
