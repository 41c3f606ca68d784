// Writes the fixture requests (random but seeded, plus hand-picked edge cases) as JSON to stdout:
//   [{ "name": string, "requestJson": string }]
// qicharts2-reference.R turns them into qicharts2-cases.json. See ../README.md.

import type { ChartType } from '../../chart-types.ts'
import { CHART_TYPES } from '../../chart-types.ts'
import { type Request, type RequestPoint, randomTools } from './request-generator.ts'

const SEED = 20261124
const CASES_PER_CHART = 60

const { random, uniformInt, chance, pick, round, normal, binomial, poisson: knuthPoisson } = randomTools(SEED)

function poisson(lambda: number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()))
  return knuthPoisson(lambda)
}

function geometric(p: number): number {
  return Math.floor(Math.log(1 - random()) / Math.log(1 - p))
}

function distinctPositions(count: number, low: number, high: number): number[] {
  const positions = new Set<number>()
  if (high < low) return []
  for (let attempt = 0; attempt < count * 3 && positions.size < count; attempt++) {
    positions.add(uniformInt(low, high))
  }
  return [...positions]
}

function xValues(length: number): (number | string)[] {
  if (chance(0.3)) {
    const start = Date.UTC(2020, uniformInt(0, 11), 1)
    const isMonthly = chance(0.5)
    return Array.from({ length }, (_, i) => {
      const date = isMonthly
        ? new Date(Date.UTC(2020, new Date(start).getUTCMonth() + i, 1))
        : new Date(start + i * 7 * 86400000)
      return date.toISOString().slice(0, 10)
    })
  }
  const offset = pick([0, 0, 1, 100, 2019])
  const step = pick([1, 1, 1, 2, 0.5])
  return Array.from({ length }, (_, i) => offset + (i + 1) * step)
}

function shiftFactor(i: number, shiftAt: number | null, size: number): number {
  return shiftAt !== null && i >= shiftAt ? size : 0
}

function makeRandomRequest(chart: ChartType): Request {
  const length = pick([1, 2, 3, 4, 6, 8, 10, 12, 15, 18, 20, 24, 24, 30, 36, 40, 50, 80, 150])
  const xs = xValues(length)
  const shiftAt = chance(0.4) ? uniformInt(0, length - 1) : null
  const points: RequestPoint[] = []
  const useDenominator =
    chart === 'p' ||
    chart === 'pp' ||
    chart === 'u' ||
    chart === 'up' ||
    chance(chart === 'run' || chart === 'i' ? 0.3 : 0.1)
  const isIntegerData = chance(0.3)
  const baseLevel = pick([0, 5, 10, 50, 200, -20])
  const spread = pick([0.5, 1, 3, 10])
  const proportion = pick([0.01, 0.05, 0.2, 0.5, 0.8, 0.97, 0])
  const rate = pick([0.001, 0.02, 0.3, 2, 10])
  const lambda = pick([0.5, 2, 5, 12, 30])
  const constantN = chance(0.3) ? uniformInt(1, 400) : null
  for (let i = 0; i < length; i++) {
    const shift = shiftFactor(i, shiftAt, 1)
    let y: number
    let n: number | undefined
    switch (chart) {
      case 'run':
      case 'i': {
        if (useDenominator) {
          n = constantN ?? uniformInt(1, 300)
          y = binomial(n, Math.min(0.99, Math.max(0.01, 0.4 + 0.2 * shift * (chance(0.5) ? 1 : -1))))
        } else {
          const raw = baseLevel + spread * (normal() + 1.5 * shift)
          y = isIntegerData ? Math.round(raw / spread) : round(raw, pick([1, 2, 3]))
        }
        break
      }
      case 'p':
      case 'pp': {
        n = constantN ?? uniformInt(1, 400)
        const p = proportion === 0 ? (chance(0.9) ? 0 : 0.01) : Math.min(1, proportion * (1 + 0.5 * shift))
        y = binomial(n, p)
        if (chart === 'pp' && chance(0.5)) y = Math.min(n, Math.round(y * (0.6 + 0.8 * random())))
        break
      }
      case 'u':
      case 'up': {
        n = chance(0.5) ? (constantN ?? uniformInt(10, 5000)) : round(5 + random() * 3000, 1)
        y = poisson(n * rate * (1 + 0.6 * shift) * (chart === 'up' ? 0.5 + random() : 1))
        break
      }
      case 'c': {
        y = poisson(lambda * (1 + 0.7 * shift))
        if (useDenominator) n = uniformInt(1, 100)
        break
      }
      case 'g': {
        y = geometric(Math.min(0.9, pick([0.02, 0.1, 0.3]) * (1 + shift)))
        if (useDenominator) n = uniformInt(1, 10)
        break
      }
      case 't': {
        y = round(0.01 + (-Math.log(1 - random()) * pick([1, 5, 30])) / (1 + shift), 2)
        if (useDenominator) n = uniformInt(1, 10)
        break
      }
    }
    const point: RequestPoint = { x: xs[i] as number | string, y }
    if (n !== undefined) point.n = n
    points.push(point)
  }
  if (chance(0.3)) {
    for (const point of points) {
      if (chance(0.12)) point.y = null
      if (point.n !== undefined && chance(0.05)) {
        point.n = null
        // p / pp / u / up requests must not carry a y without its n (the CLI rejects them)
        if (chart === 'p' || chart === 'pp' || chart === 'u' || chart === 'up') point.y = null
      }
      if (point.n !== undefined && point.n !== null && chance(0.03)) {
        point.n = 0
        point.y = 0
      }
    }
  }
  if (chance(0.2)) {
    for (let i = points.length - 1; i > 0; i--) {
      const j = uniformInt(0, i)
      const swap = points[i] as RequestPoint
      points[i] = points[j] as RequestPoint
      points[j] = swap
    }
  }
  const request: Request = { chart, points }
  if (chance(0.35)) request.freeze = uniformInt(1, length)
  if (length > 1 && chance(0.3)) request.part = distinctPositions(uniformInt(1, 3), 1, length - 1)
  if (chance(0.25)) request.exclude = distinctPositions(uniformInt(1, 3), 1, length)
  if (chance(0.35)) request.multiply = pick([100, 1000, 0.5, 10, 3])
  return request
}

const series = (values: (number | null)[], n?: (number | null)[]): RequestPoint[] =>
  values.map((y, i) => {
    const point: RequestPoint = { x: i + 1, y }
    if (n !== undefined) point.n = n[i] ?? null
    return point
  })

const EDGE_CASES: { name: string; request: Request }[] = [
  {
    name: 'i constant series (screened mr all removed)',
    request: { chart: 'i', points: series([5, 5, 5, 5, 5]) },
  },
  { name: 'run constant series', request: { chart: 'run', points: series([5, 5, 5, 5, 5]) } },
  { name: 'i decimal mean exactly on a point', request: { chart: 'i', points: series([0.1, 0.2, 0.3]) } },
  {
    name: 'i decimal ties',
    request: { chart: 'i', points: series([0.1, 0.2, 0.3, 0.2, 0.1, 0.2, 0.3, 0.2, 0.1, 0.2, 0.3]) },
  },
  { name: 'run median ties', request: { chart: 'run', points: series([1, 2, 2, 2, 3, 2, 2, 1, 2, 3, 2]) } },
  {
    name: 'i outlier screened',
    request: { chart: 'i', points: series([10, 11, 9, 10, 12, 10, 60, 11, 10, 9, 10, 11]) },
  },
  { name: 'p all zero', request: { chart: 'p', points: series([0, 0, 0, 0], [10, 20, 30, 40]) } },
  { name: 'p all full', request: { chart: 'p', points: series([10, 20, 30, 40], [10, 20, 30, 40]) } },
  {
    name: 'p clipping with multiply',
    request: { chart: 'p', points: series([1, 2, 1, 0, 2, 1], [2, 3, 2, 1, 3, 2]), multiply: 100 },
  },
  { name: 'single point i', request: { chart: 'i', points: series([3]) } },
  { name: 'single point t', request: { chart: 't', points: series([3]) } },
  { name: 'two points run', request: { chart: 'run', points: series([3, 4]) } },
  {
    name: 'phase with all missing',
    request: { chart: 'i', points: series([1, 2, 3, 4, null, null, null, 5, 6, 7]), part: [4, 7] },
  },
  {
    name: 'freeze at last point',
    request: { chart: 'c', points: series([3, 5, 2, 7, 4]), freeze: 5 },
  },
  {
    name: 'exclude the only baseline point',
    request: { chart: 'i', points: series([3, 5, 2, 7, 4]), freeze: 1, exclude: [1] },
  },
  {
    name: 'freeze ignored with part',
    request: { chart: 'run', points: series([3, 5, 2, 7, 4, 8, 9, 10, 11, 12]), freeze: 3, part: [5] },
  },
  {
    name: 'p zero denominators',
    request: { chart: 'p', points: series([3, 0, 5, 4, 0, 6], [10, 0, 12, 11, 0, 13]) },
  },
  {
    name: 'pp constant proportion',
    request: { chart: 'pp', points: series([5, 10, 15, 20, 25], [50, 100, 150, 200, 250]) },
  },
  {
    name: 'u zero rate',
    request: { chart: 'up', points: series([0, 0, 0, 0, 0], [50, 100, 150, 200, 250]) },
  },
  {
    name: 'run with denominators and missing n',
    request: { chart: 'run', points: series([3, 4, 5, 6, 2, 8], [10, null, 10, 10, 10, 10]) },
  },
  {
    name: 'c with denominators plots the numerator',
    request: { chart: 'c', points: series([3, 4, 5, 6, 2, 8], [10, 20, 10, 5, 10, 10]) },
  },
  {
    name: 'g zero counts',
    request: { chart: 'g', points: series([0, 0, 3, 0, 12, 1, 0, 40, 2, 0]) },
  },
  {
    name: 'long run signal',
    request: { chart: 'run', points: series([1, 2, 1, 2, 1, 2, 5, 6, 7, 5, 6, 7, 8, 9, 6, 7]) },
  },
  {
    name: 't with a 0 / 0 point (missing, not an error)',
    request: { chart: 't', points: series([3, 0, 5, 2, 7, 1.5], [1, 0, 2, 1, 3, 1]) },
  },
  {
    name: 'i with a y but null n (missing)',
    request: { chart: 'i', points: series([3, 4, 5, 6, 2, 8], [1, 1, null, 2, 1, 1]) },
  },
  { name: 'pp single point', request: { chart: 'pp', points: series([3], [10]) } },
  {
    name: 'up with varying n and an outlier',
    request: { chart: 'up', points: series([3, 40, 5, 6, 90, 8, 7], [100, 150, 80, 120, 110, 95, 105]) },
  },
  {
    name: 'excluded point outside limits keeps sigma signal',
    request: { chart: 'i', points: series([10, 11, 9, 10, 12, 10, 60, 11, 10, 9, 10, 11]), exclude: [7] },
  },
]

const cases: { name: string; requestJson: string }[] = []
for (const chart of CHART_TYPES) {
  for (let k = 0; k < CASES_PER_CHART; k++) {
    cases.push({ name: `random ${chart} #${k + 1}`, requestJson: JSON.stringify(makeRandomRequest(chart)) })
  }
}
for (const { name, request } of EDGE_CASES) cases.push({ name, requestJson: JSON.stringify(request) })

process.stdout.write(`${JSON.stringify(cases, null, 1)}\n`)
