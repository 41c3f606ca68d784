import { describe, expect, it } from 'vitest'
import type { Cell } from './school-cells.ts'
import { chartTypeFor, verdictChart, verdictLimits } from './verdict-chart.ts'

const WEEKS = Array.from({ length: 40 }, (_, i) =>
  new Date(Date.UTC(2025, 8, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
)
const wobble = (i: number) => [0, 2, -1, 1, -2, 1, 0, -1, 2, -1][i % 10] as number

/** 30% before week 15 (the adopted change), 20% after it; every cell shown. */
const cells = WEEKS.map((period, i) => {
  const numerator = (i < 15 ? 120 : 80) + wobble(i)
  const shown = { kind: 'shown' as const }
  return {
    period,
    value: (numerator / 400) * 100,
    numerator,
    denominator: 400,
    suppressed: false,
    release: shown,
  } as Cell
})

const measure = { chartType: 'p' as const, multiplier: 100, higherIsBetter: false }
const method = (phaseStart: string | null, limits: 'shewhart' | 'laney' = 'shewhart') => ({
  kind: 'frozen_baseline' as const,
  description: 'compared with every value before the cycle started',
  limits,
  phaseStart,
  limitsNote: '',
  summary: '',
  phaseLabel: phaseStart ? 'New level after “Morning greeters” was adopted' : null,
})
const window = { start: WEEKS[30] as string, end: WEEKS[36] as string, lagDays: 0 }

describe('verdictChart', () => {
  it('freezes the centre line on every value before the cycle when nothing re-baselined it', () => {
    const chart = verdictChart(measure, cells, { method: method(null), reasons: [], window })
    expect(chart.phaseBreak).toBeNull()
    expect(chart.baselineCount).toBe(30)
    expect(chart.points[35]?.cl).toBeCloseTo(chart.points[0]?.cl ?? 0, 12)
  })

  it('starts the baseline at the re-baseline break, with the earlier level a phase of its own', () => {
    const chart = verdictChart(measure, cells, { method: method(WEEKS[15] as string), reasons: [], window })
    expect(chart.phaseBreak).toEqual({
      period: WEEKS[15],
      label: 'New level after “Morning greeters” was adopted',
    })
    expect(chart.points).toHaveLength(cells.length)
    expect(chart.baselineCount).toBe(15)
    const before = chart.points[0]?.cl ?? 0
    const after = chart.points[20]?.cl ?? 0
    expect(before).toBeCloseTo(30, 0)
    expect(after).toBeCloseTo(20, 0)
    // The cycle is judged against the new level: its centre line is the one from the break.
    expect(chart.points[35]?.cl).toBeCloseTo(after, 12)
    expect(chart.points[14]?.phase).toBeLessThan(chart.points[15]?.phase ?? 0)
    expect(chart.points.slice(0, 15).every((p) => !p.isBaseline)).toBe(true)
    expect(chart.points.slice(15, 30).every((p) => p.isBaseline)).toBe(true)
  })

  it('draws Laney limits when the verdict used them', () => {
    const shewhart = verdictChart(measure, cells, { method: method(null), reasons: [], window })
    const laney = verdictChart(measure, cells, { method: method(null, 'laney'), reasons: [], window })
    expect(laney.limits).toBe('laney')
    expect(laney.points[35]?.ucl).not.toBeCloseTo(shewhart.points[35]?.ucl ?? 0, 6)
  })

  it('names the limits of a verdict that could not be judged from the measure', () => {
    expect(verdictLimits('p', { method: null })).toBe('shewhart')
    expect(verdictLimits('pp', { method: null })).toBe('laney')
    expect(verdictLimits('run', { method: null })).toBe('none')
    expect(chartTypeFor('u', 'laney')).toBe('up')
    expect(chartTypeFor('i', 'laney')).toBe('i')
  })
})
