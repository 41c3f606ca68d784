// Numbers as a team would write them in a worksheet.
import { type MeasureCode, measureByCode } from './measures.ts'

export const round1 = (x: number) => Math.round(x * 10) / 10
export const round2 = (x: number) => Math.round(x * 100) / 100

export function formatValue(measure: MeasureCode, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a'
  const m = measureByCode(measure)
  switch (m.unit) {
    case 'percent':
      return `${round1(value).toFixed(1)}%`
    case 'rate':
      return `${round2(value).toFixed(2)} per 100 students${m.code === 'OSS_WEEKLY' ? '' : ' per day'}`
    case 'count':
      return String(Math.round(value))
    case 'days':
      return `${round1(value)} days`
    case 'score':
      return `${value >= 0 ? '+' : '−'}${Math.abs(round1(value)).toFixed(1)} points`
  }
}

/** "points" for percentages and scores, the unit otherwise. */
export function formatChange(measure: MeasureCode, delta: number): string {
  const m = measureByCode(measure)
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const size = Math.abs(m.unit === 'rate' ? round2(delta) : round1(delta))
  const unit = m.unit === 'percent' || m.unit === 'score' ? ' points' : m.unit === 'rate' ? '' : ''
  return `${sign}${size}${unit}`
}
