import type { MeasureUnit } from './enums.ts'

const DECIMALS: Record<MeasureUnit, number> = { percent: 1, rate: 2, count: 0, score: 1, days: 1 }

/** A value in its measure's unit, for people: "24.3%", "0.42", "12", "−14.0". */
export function formatMeasureValue(value: number | null | undefined, unit: MeasureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: DECIMALS[unit],
    maximumFractionDigits: DECIMALS[unit],
  })
  return unit === 'percent' ? `${text}%` : text
}

/** The unit of a difference: percentage points for percents. */
export function formatMeasureChange(delta: number | null | undefined, unit: MeasureUnit): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—'
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const magnitude = Math.abs(delta).toLocaleString('en-US', {
    minimumFractionDigits: DECIMALS[unit],
    maximumFractionDigits: DECIMALS[unit],
  })
  return unit === 'percent' ? `${sign}${magnitude} pts` : `${sign}${magnitude}`
}

/** "June 1, 2026" for a YYYY-MM-DD date, read as a calendar date (no time zone shift). */
export function formatIsoDate(iso: string | null | undefined, style: 'long' | 'short' = 'long'): string {
  if (!iso) return '—'
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  return d.toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    day: 'numeric',
  })
}
