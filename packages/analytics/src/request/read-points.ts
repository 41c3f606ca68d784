// Reads the `points` of a `pnpm analyze` request into columns in one tight loop. It accepts exactly
// what the zod schema RequestPointSchema accepts (a property test checks this); when it refuses a
// point, analyzeRequest asks zod for the error messages, so messages never depend on this file.
// Validating a million points with zod took ~350 ms and copied every object; this loop takes a
// fraction of that and writes typed arrays directly (ADR 015).

import { z } from 'zod'
import { ScratchFloat64 } from '../numeric/scratch-buffer.ts'

/**
 * A request's points as columns. Missing y / n are NaN. The typed arrays of readPoints() are
 * working arrays reused by the next call: use them before it.
 */
export interface PointColumns {
  length: number
  /** The x values as sent (for the result). */
  x: (number | string)[]
  /** Sort key of x: the number itself, or milliseconds since the epoch (UTC) for dates. */
  key: Float64Array
  y: Float64Array
  n: Float64Array
  /** Some point has an `n` key (the series has denominators, even where n is null). */
  hasDenominators: boolean
  /** The x values are all numbers, or all strings. */
  isXKindUniform: boolean
}

const DateTimeSchema = z.iso.datetime({ offset: true })

// working arrays of one analyzeRequest call (see scratch-buffer.ts)
const keyScratch = new ScratchFloat64()
const yScratch = new ScratchFloat64()
const nScratch = new ScratchFloat64()

const MILLISECONDS_PER_DAY = 86_400_000
const CODE_ZERO = 48
const CODE_DASH = 45

function digit(text: string, index: number): number {
  const value = text.charCodeAt(index) - CODE_ZERO
  return value >= 0 && value <= 9 ? value : Number.NaN
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/**
 * Milliseconds since the epoch of an ISO date `YYYY-MM-DD` (year 0000–9999, a real calendar day, as
 * zod's z.iso.date() accepts), equal to Date.parse of it; NaN when it is not such a date.
 */
export function isoDateKey(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== CODE_DASH || text.charCodeAt(7) !== CODE_DASH) {
    return Number.NaN
  }
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3)
  const month = digit(text, 5) * 10 + digit(text, 6)
  const day = digit(text, 8) * 10 + digit(text, 9)
  // NaN (a non-digit) fails every comparison below
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN
  return daysFromCivil(year, month, day) * MILLISECONDS_PER_DAY
}

function xKey(x: unknown): number {
  if (typeof x === 'number') return Number.isFinite(x) ? x : Number.NaN
  if (typeof x !== 'string') return Number.NaN
  if (x.length === 10) return isoDateKey(x)
  return DateTimeSchema.safeParse(x).success ? Date.parse(x) : Number.NaN
}

/** A finite number, null (missing: NaN), or undefined for anything else. */
function numberOrNull(value: unknown): number | undefined {
  if (value === null) return Number.NaN
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/**
 * The points as columns, or the index of the first point the schema would refuse (then ask zod for
 * the messages).
 */
export function readPoints(points: readonly unknown[]): PointColumns | { invalidIndex: number } {
  const length = points.length
  const xs: (number | string)[] = new Array(length)
  const key = keyScratch.take(length)
  const y = yScratch.take(length)
  const n = nScratch.take(length)
  let hasDenominators = false
  let numberCount = 0
  for (let i = 0; i < length; i++) {
    const point = points[i]
    if (typeof point !== 'object' || point === null || Array.isArray(point)) return { invalidIndex: i }
    // strict object: x, y and (optionally) n, nothing else (zod checks inherited keys too, as for-in)
    for (const name in point) {
      if (name !== 'x' && name !== 'y' && name !== 'n') return { invalidIndex: i }
    }
    const record = point as { x?: unknown; y?: unknown; n?: unknown }
    const x = record.x
    const xValue = xKey(x)
    const yValue = numberOrNull(record.y)
    const nRaw = record.n
    const nValue = nRaw === undefined ? Number.NaN : numberOrNull(nRaw)
    if (Number.isNaN(xValue) || yValue === undefined || nValue === undefined) return { invalidIndex: i }
    if (nRaw !== undefined) hasDenominators = true
    if (typeof x === 'number') numberCount++
    xs[i] = x as number | string
    key[i] = xValue
    y[i] = yValue
    n[i] = nValue
  }
  return {
    length,
    x: xs,
    key,
    y,
    n,
    hasDenominators,
    isXKindUniform: numberCount === 0 || numberCount === length,
  }
}

/**
 * Columns of points the zod schema has already accepted (no checks): the fallback should
 * readPoints ever refuse what the schema accepts.
 */
export function pointColumnsOfParsed(
  points: readonly { x: number | string; y: number | null; n?: number | null | undefined }[],
): PointColumns {
  const length = points.length
  const key = new Float64Array(length)
  const y = new Float64Array(length)
  const n = new Float64Array(length)
  let numberCount = 0
  points.forEach((point, i) => {
    if (typeof point.x === 'number') numberCount++
    key[i] = typeof point.x === 'number' ? point.x : Date.parse(point.x)
    y[i] = point.y ?? Number.NaN
    n[i] = point.n ?? Number.NaN
  })
  return {
    length,
    x: points.map((point) => point.x),
    key,
    y,
    n,
    hasDenominators: points.some((point) => point.n !== undefined),
    isXKindUniform: numberCount === 0 || numberCount === length,
  }
}
