// Lower quantile of the symmetric binomial distribution, as R's qbinom(p, size, 0.5):
// the smallest x in 0..size with P(X <= x) >= p for X ~ Binomial(size, 1/2).
//
// Anhøj's crossings rule uses qbinom(0.05, n - 1, 0.5). We compute it exactly:
//  - for size <= EXACT_SIZE_LIMIT with integer arithmetic (BigInt): P(X <= x) >= p is decided as
//    sum_{k<=x} C(size, k) >= p * 2^size with p written as a ratio of integers;
//  - above that, in floating point with a relative error far below 1e-10, falling back to the
//    integer decision whenever the floating value is within 1e-9 of the threshold.
// Results are cached per (p, size).

const EXACT_SIZE_LIMIT = 2048
const AMBIGUITY_MARGIN = 1e-9

const cache = new Map<number, Map<number, number>>()

/** p as numerator / 10^k with both integers (p has a short decimal expansion, e.g. 0.05). */
function probabilityAsRatio(p: number): { numerator: bigint; denominator: bigint } {
  for (let digits = 0; digits <= 15; digits++) {
    const scale = 10 ** digits
    const scaled = Math.round(p * scale)
    if (Math.abs(scaled / scale - p) <= Number.EPSILON * p) {
      return { numerator: BigInt(scaled), denominator: BigInt(scale) }
    }
  }
  // p has no short decimal form: use its exact binary value
  const scale = 2 ** 60
  return { numerator: BigInt(Math.round(p * scale)), denominator: BigInt(scale) }
}

function exactQuantile(p: number, size: number): number {
  const { numerator, denominator } = probabilityAsRatio(p)
  // smallest x with denominator * sum_{k<=x} C(size, k) >= numerator * 2^size
  const target = numerator << BigInt(size)
  let binomial = 1n
  let cumulative = 0n
  const bigSize = BigInt(size)
  for (let k = 0; k <= size; k++) {
    cumulative += binomial
    if (cumulative * denominator >= target) return k
    const bigK = BigInt(k)
    binomial = (binomial * (bigSize - bigK)) / (bigK + 1n)
  }
  return size
}

function floatingQuantile(p: number, size: number): number {
  // Weights relative to the mode: w(k - 1) = w(k) * k / (size - k + 1), w(mode) = 1.
  // The p-quantile for p < 1/2 lies at or below the mode, so we only walk downwards and use the
  // symmetry w(k) = w(size - k) for the normalising total.
  const mode = Math.floor(size / 2)
  const standardDeviation = Math.sqrt(size) / 2
  const lowest = Math.max(0, Math.floor(mode - 40 * standardDeviation) - 1)
  const weights = new Float64Array(mode - lowest + 1)
  weights[mode - lowest] = 1
  let weight = 1
  for (let k = mode; k > lowest; k--) {
    weight = (weight * k) / (size - k + 1)
    weights[k - 1 - lowest] = weight
  }
  let belowMode = 0
  for (let k = lowest; k < mode; k++) belowMode += weights[k - lowest] as number
  // size even: mode is the single centre; size odd: mode and mode + 1 are equal centres
  const total = size % 2 === 0 ? 2 * belowMode + 1 : 2 * (belowMode + 1)
  const threshold = p * total
  let cumulative = 0
  for (let k = lowest; k <= mode; k++) {
    const previous = cumulative
    cumulative += weights[k - lowest] as number
    if (cumulative >= threshold) {
      const isAmbiguous =
        Math.abs(cumulative - threshold) <= AMBIGUITY_MARGIN * threshold ||
        Math.abs(previous - threshold) <= AMBIGUITY_MARGIN * threshold
      return isAmbiguous ? exactQuantile(p, size) : k
    }
  }
  return exactQuantile(p, size)
}

/**
 * qbinom(p, size, 0.5): smallest x with P(X <= x) >= p, X ~ Binomial(size, 1/2).
 * `size` must be a non-negative integer and 0 < p < 1/2 (the range Anhøj's rule needs).
 */
export function symmetricBinomialQuantile(p: number, size: number): number {
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`size must be a non-negative integer, got ${size}`)
  if (!(p > 0 && p < 0.5)) throw new RangeError(`p must lie in (0, 0.5), got ${p}`)
  let bySize = cache.get(p)
  if (bySize === undefined) {
    bySize = new Map()
    cache.set(p, bySize)
  }
  const cached = bySize.get(size)
  if (cached !== undefined) return cached
  const quantile = size <= EXACT_SIZE_LIMIT ? exactQuantile(p, size) : floatingQuantile(p, size)
  bySize.set(size, quantile)
  return quantile
}

/** Minimum number of crossings for `usefulCount` useful points: qbinom(0.05, usefulCount - 1, 0.5). */
export function minimumCrossings(usefulCount: number): number {
  return symmetricBinomialQuantile(0.05, Math.max(usefulCount - 1, 0))
}
