// What the fixture generators (make-cases.ts, make-parity-cases.ts) share: the request shape of
// `pnpm analyze` and seeded random helpers, so that a seed always gives the same cases.

import type { ChartType } from '../../chart-types.ts'
import { seededRandom } from '../../series/simulate-counts.ts'

export interface RequestPoint {
  x: number | string
  y: number | null
  n?: number | null
}

export interface Request {
  chart: ChartType
  points: RequestPoint[]
  freeze?: number
  part?: number[]
  exclude?: number[]
  multiply?: number
}

/** Seeded draws; every helper consumes the one stream in call order. */
export function randomTools(seed: number) {
  const random = seededRandom(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return {
    random,
    uniformInt: (low: number, high: number) => low + Math.floor(random() * (high - low + 1)),
    chance: (p: number) => random() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T,
    round: (value: number, digits: number) => Number(value.toFixed(digits)),
    normal,
    /** Poisson by Knuth's product of uniforms (small means). */
    poisson(lambda: number): number {
      const limit = Math.exp(-lambda)
      let k = 0
      let product = random()
      while (product > limit) {
        k++
        product *= random()
      }
      return k
    },
    binomial(size: number, p: number): number {
      let successes = 0
      for (let i = 0; i < size; i++) if (random() < p) successes++
      return successes
    },
  }
}
