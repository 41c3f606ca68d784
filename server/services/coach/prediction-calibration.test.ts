import { describe, expect, it } from 'vitest'
import { calibrationOf, predictionMatched } from './prediction-calibration.ts'

const q = (over: Partial<Parameters<typeof predictionMatched>[0]>) => ({
  predictedValue: null,
  predictedMin: null,
  predictedMax: null,
  resultValue: null,
  unit: null,
  ...over,
})

describe('predictionMatched', () => {
  it('needs a result and a quantified prediction', () => {
    expect(predictionMatched(q({ predictedValue: 10 }))).toBeNull()
    expect(predictionMatched(q({ resultValue: 10 }))).toBeNull()
  })

  it('checks a range, inclusive, in either order, and open-ended', () => {
    expect(predictionMatched(q({ predictedMin: 10, predictedMax: 20, resultValue: 20 }))).toBe(true)
    expect(predictionMatched(q({ predictedMin: 20, predictedMax: 10, resultValue: 15 }))).toBe(true)
    expect(predictionMatched(q({ predictedMin: 10, predictedMax: 20, resultValue: 20.01 }))).toBe(false)
    expect(predictionMatched(q({ predictedMin: 10, resultValue: 1000 }))).toBe(true)
    expect(predictionMatched(q({ predictedMax: 5, resultValue: 6 }))).toBe(false)
  })

  it('accepts ±10% of a predicted value, with a one-unit floor except for rates', () => {
    expect(predictionMatched(q({ predictedValue: 50, resultValue: 55, unit: 'percent' }))).toBe(true)
    expect(predictionMatched(q({ predictedValue: 50, resultValue: 55.1, unit: 'percent' }))).toBe(false)
    expect(predictionMatched(q({ predictedValue: 3, resultValue: 4, unit: 'percent' }))).toBe(true)
    expect(predictionMatched(q({ predictedValue: 3, resultValue: 4.01, unit: 'count' }))).toBe(false)
    expect(predictionMatched(q({ predictedValue: 0.4, resultValue: 0.44, unit: 'rate' }))).toBe(true)
    expect(predictionMatched(q({ predictedValue: 0.4, resultValue: 0.5, unit: 'rate' }))).toBe(false)
    expect(predictionMatched(q({ predictedValue: -20, resultValue: -22, unit: 'score' }))).toBe(true)
  })
})

describe('calibrationOf', () => {
  it('counts only judged questions', () => {
    expect(calibrationOf([])).toEqual({ total: 0, matched: 0, share: null })
    expect(
      calibrationOf([
        q({ predictedValue: 10, resultValue: 10 }),
        q({ predictedValue: 10, resultValue: 30 }),
        q({ predictedValue: 10 }),
      ]),
    ).toEqual({ total: 2, matched: 1, share: 0.5 })
  })
})
