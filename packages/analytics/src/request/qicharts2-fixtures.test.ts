// Compares analyzeRequest() with outputs of qicharts2's own code on 568 requests (every chart type,
// freeze / part / exclude / multiply / missing values / unsorted x / dates) and on 216 requests of
// inputs the command once refused (several rows per x, a y without its n, positions beyond the
// series; ADR 015). How the fixtures were made: src/__fixtures__/README.md.
import { describe, expect, it } from 'vitest'
import fixtureText from '../__fixtures__/qicharts2-cases.jsonl?raw'
import parityText from '../__fixtures__/qicharts2-parity-cases.jsonl?raw'
import { type AnalyzeResult, analyzeRequest } from './analyze-request.ts'

interface FixtureCase {
  name: string
  request: unknown
  expected: AnalyzeResult | { error: string }
}

const TOLERANCE = 1e-9
function parseCases(text: string): FixtureCase[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureCase)
}

const parityCases = parseCases(parityText)
const cases: FixtureCase[] = [...parseCases(fixtureText), ...parityCases]

function isClose(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected
  return Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected))
}

describe('agreement with qicharts2', () => {
  it('has the generated cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500)
    expect(parityCases.length).toBeGreaterThanOrEqual(200)
  })

  it('the parity cases use what the command once refused, and say so in warnings', () => {
    const warnings = parityCases.flatMap((fixture) => {
      const outcome = analyzeRequest(fixture.request)
      return outcome.ok ? outcome.warnings : []
    })
    for (const pattern of [
      /several rows/,
      /a y but no n/,
      /freeze: position \d+ is beyond/,
      /^part: /,
      /^exclude: /,
    ]) {
      expect(warnings.filter((warning) => pattern.test(warning)).length).toBeGreaterThan(5)
    }
  })

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const outcome = analyzeRequest(fixture.request)
    if ('error' in fixture.expected) {
      expect(outcome.ok).toBe(false)
      return
    }
    if (!outcome.ok) throw new Error(outcome.errors.join('; '))
    const expected = fixture.expected
    const actual = outcome.result
    expect(actual.points).toHaveLength(expected.points.length)
    expected.points.forEach((expectedPoint, i) => {
      const actualPoint = actual.points[i]
      if (actualPoint === undefined) throw new Error(`missing point ${i}`)
      for (const key of ['value', 'cl', 'lcl', 'ucl'] as const) {
        if (!isClose(actualPoint[key], expectedPoint[key])) {
          throw new Error(`point ${i} ${key}: expected ${expectedPoint[key]}, got ${actualPoint[key]}`)
        }
      }
      expect({ i, sigmaSignal: actualPoint.sigmaSignal, phase: actualPoint.phase }).toEqual({
        i,
        sigmaSignal: expectedPoint.sigmaSignal,
        phase: expectedPoint.phase,
      })
    })
    expect(actual.phases).toEqual(expected.phases)
  })

  it('agrees to better than 1e-12 relative over all numbers', () => {
    let largest = 0
    let compared = 0
    for (const fixture of cases) {
      if ('error' in fixture.expected) continue
      const outcome = analyzeRequest(fixture.request)
      if (!outcome.ok) continue
      fixture.expected.points.forEach((expectedPoint, i) => {
        const actualPoint = outcome.result.points[i] as AnalyzeResult['points'][number]
        for (const key of ['value', 'cl', 'lcl', 'ucl'] as const) {
          const e = expectedPoint[key]
          const a = actualPoint[key]
          if (e === null || a === null) continue
          largest = Math.max(largest, Math.abs(a - e) / Math.max(1, Math.abs(e)))
          compared++
        }
      })
    }
    expect(compared).toBeGreaterThan(60_000)
    expect(largest).toBeLessThan(1e-12)
  })
})
