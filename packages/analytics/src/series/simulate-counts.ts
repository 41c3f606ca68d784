// Seeded random count data for tests and measurements of the over-dispersion rule (not part of the
// public API; the engine itself never draws random numbers).

export type Random = () => number

/** Mulberry32: small, fast, seeded uniform generator on [0, 1). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** Binomial(size, p) by counting Bernoulli trials (exact; sizes here are at most a few thousand). */
export function binomial(random: Random, size: number, p: number): number {
  let count = 0
  for (let i = 0; i < size; i++) if (random() < p) count++
  return count
}

/** Poisson(mean) by Knuth's product of uniforms, in chunks of 30 so exp(−mean) never underflows. */
export function poisson(random: Random, mean: number): number {
  let count = 0
  let remaining = mean
  while (remaining > 0) {
    const step = Math.min(remaining, 30)
    remaining -= step
    const limit = Math.exp(-step)
    let product = random()
    while (product > limit) {
      count++
      product *= random()
    }
  }
  return count
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape ≥ 1. */
export function gamma(random: Random, shape: number): number {
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = standardNormal(random)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = random()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}

/**
 * Beta-binomial: each subgroup's proportion is drawn from a beta distribution with mean `p` and
 * intra-class correlation `rho` (α + β = 1 / rho − 1), so Var(y / n) = p(1 − p)/n × (1 + (n − 1)rho):
 * extra-binomial variation, the over-dispersion of real school data.
 */
export function betaBinomial(random: Random, size: number, p: number, rho: number): number {
  const total = 1 / rho - 1
  const a = gamma(random, p * total)
  const b = gamma(random, (1 - p) * total)
  return binomial(random, size, a / (a + b))
}
