// A small seeded PRNG (sfc32, seeded through splitmix32) and the few distributions the simulation
// needs. Every stream is derived from (seed, label), so adding a stream never shifts another one.

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a hash of a label, mixed with the seed. */
export function hashLabel(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** sfc32: fast, small state, passes PractRand to 2^40 bytes; plenty for a demo. */
export function createRng(seed: number, label = ''): Rng {
  const init = splitmix32(hashLabel(seed, label))
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const next = () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return { next }
}

export function randomInt(rng: Rng, minInclusive: number, maxInclusive: number): number {
  return minInclusive + Math.floor(rng.next() * (maxInclusive - minInclusive + 1))
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Fisher–Yates, in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    const a = items[i] as T
    items[i] = items[j] as T
    items[j] = a
  }
  return items
}

/** Standard normal (Box–Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12)
  const v = rng.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Gamma(shape, 1) by Marsaglia–Tsang (with the shape < 1 boost). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = normal(rng)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = rng.next()
    if (u < 1 - 0.0331 * x ** 4) return d * v
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
  }
}

/** Poisson by inversion: fine for the small means used here (< 30). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0
  const limit = Math.exp(-mean)
  let k = 0
  let p = rng.next()
  while (p > limit) {
    k++
    p *= rng.next()
  }
  return k
}

export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p
}

/**
 * Chooses exactly `count` indices out of `weights.length`, each with probability proportional to its
 * weight (Efraimidis–Spirakis keys). Zero weights are chosen only when nothing else is left.
 */
export function weightedSample(rng: Rng, weights: readonly number[], count: number): Set<number> {
  const keyed = weights.map((w, index) => {
    const u = Math.max(rng.next(), 1e-12)
    return { index, key: w > 0 ? Math.log(u) / w : Number.NEGATIVE_INFINITY, tie: rng.next() }
  })
  keyed.sort((a, b) => b.key - a.key || a.tie - b.tie)
  return new Set(keyed.slice(0, count).map((k) => k.index))
}

/**
 * Quantile table of a unit-mean Gamma(shape) frailty, from a large sorted sample: used to give a
 * group of students a stratified spread of propensities, so small groups do not drift by chance.
 */
export function frailtyQuantiles(rng: Rng, shape: number, size = 20_000): Float64Array {
  const sample = new Float64Array(size)
  for (let i = 0; i < size; i++) sample[i] = gamma(rng, shape) / shape
  sample.sort()
  return sample
}

/** Stratified draws from a quantile table: one value from each of `n` equal-probability strata, shuffled. */
export function stratifiedDraws(rng: Rng, table: Float64Array, n: number): number[] {
  const strata = shuffle(
    rng,
    Array.from({ length: n }, (_, i) => i),
  )
  return strata.map((s) => {
    const u = (s + rng.next()) / n
    return table[Math.min(table.length - 1, Math.floor(u * table.length))] ?? 1
  })
}
