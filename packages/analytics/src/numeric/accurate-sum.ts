// Sums and means that agree with R's `sum()` and `mean()` to the last bit in practice.
//
// R accumulates in long double and `mean()` adds a second correction pass, so its results are the
// correctly rounded sum / mean of the inputs except in astronomically rare cases. A naive double loop
// is not: mean(0.1, 0.2, 0.3) is 0.2 in R but 0.20000000000000004 naively, and that difference decides
// whether a point lies exactly on the centre line (a "useful" point or not) in runs analysis.
// We therefore accumulate in double-double (Neumaier / TwoSum) and round once at the end.
//
// `NaN` marks a missing value (R's NA and NaN both are removed by `na.rm = TRUE`).

const SPLITTER = 134217729 // 2^27 + 1, Veltkamp splitting constant for binary64

/** Exact product error term: a * b = p + e with p = fl(a * b) (Dekker's TwoProduct without FMA). */
function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a
  const aHi = ca - (ca - a)
  const aLo = a - aHi
  const cb = SPLITTER * b
  const bHi = cb - (cb - b)
  const bLo = b - bHi
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo
}

/** Accumulator for a double-double running sum. Reused to avoid allocation in hot loops. */
export class AccurateSum {
  private high = 0
  private low = 0
  count = 0

  reset(): void {
    this.high = 0
    this.low = 0
    this.count = 0
  }

  /** Adds a value; NaN (missing) is skipped, as R's na.rm = TRUE does. */
  add(value: number): void {
    if (Number.isNaN(value)) return
    const sum = this.high + value
    if (Math.abs(this.high) >= Math.abs(value)) {
      this.low += this.high - sum + value
    } else {
      this.low += value - sum + this.high
    }
    this.high = sum
    this.count++
  }

  /** Correctly rounded sum of the values added (0 when none, as R's sum(numeric(0))). */
  sum(): number {
    return this.high + this.low
  }

  /** Correctly rounded mean of the values added; NaN when none (R: mean(numeric(0)) is NaN). */
  mean(): number {
    const count = this.count
    if (count === 0) return Number.NaN
    const high = this.high + this.low
    if (!Number.isFinite(high)) return high
    const low = this.low - (high - this.high)
    const quotient = high / count
    const product = quotient * count
    const residual = high - product - productError(quotient, count, product) + low
    const corrected = quotient + residual / count
    return Number.isFinite(corrected) ? corrected : quotient
  }
}

const scratch = new AccurateSum()

/** Mean of the non-missing values of `values` at positions [start, end). */
export function meanOfRange(values: ArrayLike<number>, start = 0, end = values.length): number {
  scratch.reset()
  for (let i = start; i < end; i++) scratch.add(values[i] as number)
  return scratch.mean()
}

/** Mean of the non-missing values (NaN skipped). */
export function meanOf(values: ArrayLike<number>): number {
  return meanOfRange(values, 0, values.length)
}

/** Sum of the non-missing values (NaN skipped). */
export function sumOf(values: ArrayLike<number>): number {
  scratch.reset()
  for (let i = 0; i < values.length; i++) scratch.add(values[i] as number)
  return scratch.sum()
}
