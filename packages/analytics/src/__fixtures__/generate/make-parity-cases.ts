// Writes requests for the inputs `pnpm analyze` used to refuse (ADR 015) as JSON to stdout, in the
// format of make-cases.ts: several rows with the same x, rows with a y but no n, and freeze / part /
// exclude positions beyond the series. qicharts2-reference.R turns them into
// qicharts2-parity-cases.jsonl. See ../README.md.
//
// One known difference is avoided on purpose: on a c chart, an x whose rows are all missing would
// plot 0 in qicharts2 and is a missing point here (aggregate-points.ts); it has its own unit test.

import type { ChartType } from '../../chart-types.ts'
import { CHART_TYPES } from '../../chart-types.ts'
import { type Request, type RequestPoint, randomTools } from './request-generator.ts'

const SEED = 20261205
const CASES_PER_CHART = 24

const { random, uniformInt, chance, pick, round, normal, binomial, poisson } = randomTools(SEED)

const NEEDS_N: readonly ChartType[] = ['p', 'pp', 'u', 'up']

function xValue(index: number, isDate: boolean): number | string {
  if (!isDate) return index + 1
  return new Date(Date.UTC(2024, 0, 1) + index * 7 * 86_400_000).toISOString().slice(0, 10)
}

function row(chart: ChartType, x: number | string, withN: boolean): RequestPoint {
  let y: number
  let n: number | undefined
  switch (chart) {
    case 'run':
    case 'i':
      if (withN) {
        n = uniformInt(1, 200)
        y = binomial(n, 0.4)
      } else {
        y = round(20 + 4 * normal(), pick([0, 1, 2]))
      }
      break
    case 'p':
    case 'pp':
      n = uniformInt(20, 600)
      y = binomial(n, pick([0.05, 0.2, 0.5]))
      break
    case 'u':
    case 'up':
      n = uniformInt(10, 400)
      y = poisson(n * 0.05 * (0.7 + 0.6 * random()))
      break
    case 'c':
      y = poisson(pick([2, 6, 15]))
      if (withN) n = uniformInt(1, 50)
      break
    case 'g':
      y = Math.floor(Math.log(1 - random()) / Math.log(1 - 0.1))
      if (withN) n = uniformInt(1, 10)
      break
    case 't':
      y = round(0.05 + -Math.log(1 - random()) * 5, 2)
      if (withN) n = uniformInt(1, 10)
      break
  }
  const point: RequestPoint = { x, y }
  if (n !== undefined) point.n = n
  return point
}

function makeRequest(chart: ChartType): Request {
  const xCount = pick([3, 5, 8, 12, 20, 30, 45])
  const isDate = chance(0.3)
  const withN = NEEDS_N.includes(chart) || chance(0.3)
  const points: RequestPoint[] = []
  for (let k = 0; k < xCount; k++) {
    const rows = chance(0.35) ? uniformInt(2, 4) : 1
    const group = Array.from({ length: rows }, () => row(chart, xValue(k, isDate), withN))
    for (const point of group) {
      if (chance(0.1)) point.y = null
      // a y without its n: a missing row (the CLI used to refuse these on p / pp / u / up charts)
      if (withN && chance(0.1)) {
        if (chance(0.5)) point.n = null
        else delete point.n
      }
    }
    // c chart: keep at least one complete row in a group of several (see the file comment)
    const isComplete = (point: RequestPoint) => point.y !== null && (!withN || typeof point.n === 'number')
    if (chart === 'c' && rows > 1 && !group.some(isComplete)) group[0] = row(chart, xValue(k, isDate), withN)
    points.push(...group)
  }
  // with denominators the series has them as soon as one row has an n key
  if (withN && !points.some((point) => point.n !== undefined)) (points[0] as RequestPoint).n = 10
  for (let i = points.length - 1; i > 0; i--) {
    const j = uniformInt(0, i)
    const swap = points[i] as RequestPoint
    points[i] = points[j] as RequestPoint
    points[j] = swap
  }
  const request: Request = { chart, points }
  // positions count in the aggregated series of xCount points; some lie beyond it
  if (chance(0.4)) request.freeze = uniformInt(1, xCount + 5)
  if (chance(0.3)) request.part = [uniformInt(1, xCount + 3), uniformInt(1, xCount + 3)]
  if (chance(0.35)) request.exclude = [uniformInt(1, xCount), uniformInt(xCount + 1, xCount + 6)]
  if (chance(0.3)) request.multiply = 100
  return request
}

const cases: { name: string; requestJson: string }[] = []
for (const chart of CHART_TYPES) {
  for (let k = 0; k < CASES_PER_CHART; k++) {
    cases.push({ name: `parity ${chart} #${k + 1}`, requestJson: JSON.stringify(makeRequest(chart)) })
  }
}
process.stdout.write(`${JSON.stringify(cases, null, 1)}\n`)
