import { describe, expect, it } from 'vitest'
import { verdictRequest } from './verdict-request.ts'

const WEEKS = Array.from({ length: 80 }, (_, i) =>
  new Date(Date.UTC(2024, 7, 12 + 7 * i)).toISOString().slice(0, 10),
)

function item(level: number, step = 0, extra: Record<string, unknown> = {}) {
  return {
    measure: {
      chart: 'p',
      higherIsBetter: false,
      accumulation: 'period',
      cadence: 'weekly',
      schoolYearStart: '07-01',
      multiplier: 100,
    },
    points: WEEKS.map((x, i) => ({ x, y: level + (i % 3) + (i >= 70 && i < 78 ? step : 0), n: 500 })),
    window: { start: WEEKS[70], end: WEEKS[77] },
    ...extra,
  }
}

describe('verdictRequest', () => {
  it('answers each item in order with verdict, method, baseline, reasons and message', () => {
    const outcome = verdictRequest({ verdicts: [item(40), item(40, -25)] })
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'))
    expect(outcome.result.verdicts.map((v) => v.verdict)).toEqual(['no_signal', 'improved'])
    const [, improved] = outcome.result.verdicts
    expect(improved?.method.kind).toBe('same_weeks_last_year')
    expect(improved?.baseline.n).toBeGreaterThanOrEqual(10)
    expect(improved?.reasons.length).toBeGreaterThan(0)
  })

  it('takes comparison series and prior cycles', () => {
    const comparison = [41, 39, 40].map((level) => ({ points: item(level).points }))
    const outcome = verdictRequest({
      verdicts: [
        item(40, -25, {
          comparison,
          priorCycles: [{ start: WEEKS[20], end: WEEKS[25], decision: 'adopt' }],
          lagDays: 0,
          isFinal: true,
        }),
      ],
    })
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'))
    expect(outcome.result.verdicts[0]?.method.description).toMatch(/^compared with 3 schools/)
  })

  it('names the item and field of every error', () => {
    const bad = item(40)
    const outcome = verdictRequest({
      verdicts: [
        item(40),
        { ...bad, window: { start: '2025-13-01', end: WEEKS[3] } },
        { ...bad, measure: { ...bad.measure, schoolYearStart: '7-1' } },
        { ...bad, points: [...bad.points, bad.points[0]] },
      ],
    })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.errors).toEqual([
      'verdicts.1.window.start: must be an ISO date (YYYY-MM-DD)',
      'verdicts.2.measure.schoolYearStart: schoolYearStart must be MM-DD',
    ])
    const duplicate = verdictRequest({ verdicts: [{ ...bad, points: [...bad.points, bad.points[0]] }] })
    expect(duplicate.ok ? [] : duplicate.errors).toEqual([
      `verdicts.0: points[0] and points[80] have the same period ${WEEKS[0]}`,
    ])
    expect(verdictRequest({ verdict: [] }).ok).toBe(false)
  })

  it('answers 10,000 requests in one call', () => {
    const request = { verdicts: Array.from({ length: 10_000 }, (_, k) => item(30 + (k % 20))) }
    const outcome = verdictRequest(request)
    expect(outcome.ok && outcome.result.verdicts.length).toBe(10_000)
  })
})
