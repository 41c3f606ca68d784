// `pnpm bench analytics`: standalone benchmark of @pdsa/analytics (run with
// node --import tsx --expose-gc). Prints medians of repeated runs after a warm-up, each with the
// 1-minute load average when it was taken (other work on the machine inflates the figures), and
// exits 1 if a target is missed. Targets (2-core machine): 1,000 series × 100 points < 50 ms; one
// series of 1,000,000 points < 500 ms, also through the whole `pnpm analyze` path (validation,
// sorting, aggregation, analysis and the result objects: analyzeRequest on a parsed JSON request).

import { loadavg } from 'node:os'
import {
  type AnalyzeRequest,
  analyzeRequest,
  analyzeSeries,
  type ChartType,
  cycleVerdict,
  type Observation,
} from '../src/index.ts'
import { seededRandom as mulberry32 } from '../src/series/simulate-counts.ts'

const RUNS = 9
const WARM_UP_RUNS = 3

const random = mulberry32(42)

function normalSeries(length: number): Float64Array {
  const values = new Float64Array(length)
  for (let i = 0; i < length; i++) {
    const u = 1 - random()
    const v = random()
    values[i] = 50 + 5 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v) + (i > length / 2 ? 2 : 0)
  }
  return values
}

function countSeries(length: number, denominator: number): { y: Float64Array; n: Float64Array } {
  const y = new Float64Array(length)
  const n = new Float64Array(length)
  for (let i = 0; i < length; i++) {
    n[i] = denominator + Math.floor(random() * denominator)
    y[i] = Math.floor(random() * (n[i] as number) * 0.3)
  }
  return { y, n }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

function measure(run: () => void): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.()
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return median(times)
}

let sink = 0
function analyzeOrFail(...args: Parameters<typeof analyzeSeries>): void {
  const outcome = analyzeSeries(...args)
  if (!outcome.ok) throw new Error(outcome.issues.map((issue) => issue.message).join('; '))
  sink += outcome.analysis.phases.length
}

const results: { name: string; milliseconds: number; targetMilliseconds?: number }[] = []
function record(name: string, milliseconds: number, targetMilliseconds?: number) {
  results.push({ name, milliseconds, targetMilliseconds })
  const target = targetMilliseconds === undefined ? '' : ` (target < ${targetMilliseconds} ms)`
  const load = `load ${(loadavg()[0] as number).toFixed(2)}`
  console.log(`${name.padEnd(60)} ${milliseconds.toFixed(2).padStart(9)} ms  ${load}${target}`)
}

console.log(`@pdsa/analytics benchmark: median of ${RUNS} runs after ${WARM_UP_RUNS} warm-up runs\n`)

// 1,000 series of 100 points
const manySeries = Array.from({ length: 1000 }, () => normalSeries(100))
const manyCounts = Array.from({ length: 1000 }, () => countSeries(100, 200))
record(
  '1,000 series × 100 points, i chart',
  measure(() => {
    for (const y of manySeries) analyzeOrFail({ chart: 'i', y })
  }),
  50,
)
record(
  '1,000 series × 100 points, run chart',
  measure(() => {
    for (const y of manySeries) analyzeOrFail({ chart: 'run', y })
  }),
  50,
)
record(
  '1,000 series × 100 points, p chart (freeze 50)',
  measure(() => {
    for (const { y, n } of manyCounts) analyzeOrFail({ chart: 'p', y, n, freeze: 50 })
  }),
  50,
)
const rotatingCharts: ChartType[] = ['run', 'i', 'p', 'pp', 'u', 'up', 'c', 'g', 't']
record(
  '1,000 series × 100 points, all 9 chart types',
  measure(() => {
    manyCounts.forEach(({ y, n }, k) => {
      const chart = rotatingCharts[k % rotatingCharts.length] as ChartType
      if (chart === 'p' || chart === 'pp' || chart === 'u' || chart === 'up') analyzeOrFail({ chart, y, n })
      else analyzeOrFail({ chart, y: manySeries[k] as Float64Array })
    })
  }),
  50,
)

// one series of 1,000,000 points
const million = normalSeries(1_000_000)
const millionCounts = countSeries(1_000_000, 500)
for (const chart of ['run', 'i', 'p'] as const) {
  record(
    `1 series × 1,000,000 points, ${chart} chart`,
    measure(() => {
      if (chart === 'p') analyzeOrFail({ chart, ...millionCounts })
      else analyzeOrFail({ chart, y: million })
    }),
    500,
  )
}

// one request of 1,000,000 points through analyzeRequest, as `pnpm analyze` runs it on parsed stdin
function millionPointRequest(chart: 'p' | 'i', xKind: 'date' | 'number', isShuffled: boolean): unknown {
  const firstDay = Date.UTC(2000, 0, 3)
  const points: AnalyzeRequest['points'] = Array.from({ length: 1_000_000 }, (_, i) => {
    const x = xKind === 'date' ? new Date(firstDay + i * 86_400_000).toISOString().slice(0, 10) : i + 1
    if (chart === 'i') return { x, y: million[i] as number }
    return { x, y: millionCounts.y[i] as number, n: millionCounts.n[i] as number }
  })
  if (isShuffled) {
    for (let i = points.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const swap = points[i] as AnalyzeRequest['points'][number]
      points[i] = points[j] as AnalyzeRequest['points'][number]
      points[j] = swap
    }
  }
  // through JSON, so that the objects are shaped as JSON.parse makes them
  return JSON.parse(JSON.stringify({ chart, points }))
}
for (const [chart, xKind, isShuffled] of [
  ['p', 'date', false],
  ['i', 'number', false],
  ['p', 'date', true],
] as const) {
  const request = millionPointRequest(chart, xKind, isShuffled)
  record(
    `analyzeRequest, 1,000,000 points, ${chart} chart, ${xKind} x${isShuffled ? ', shuffled' : ''}`,
    measure(() => {
      const outcome = analyzeRequest(request)
      if (!outcome.ok) throw new Error(outcome.errors.join('; '))
      sink += outcome.result.points.length
    }),
    500,
  )
}

// 10,000 cycle verdicts of 24 monthly observations each
const periods = Array.from({ length: 24 }, (_, i) =>
  new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 10),
)
const verdictInputs = Array.from({ length: 10_000 }, () => {
  const values = normalSeries(24)
  const observations: Observation[] = periods.map((period, i) => ({ period, value: values[i] as number }))
  return {
    measure: {
      higherIsBetter: random() < 0.5,
      chartType: random() < 0.5 ? ('run' as const) : ('i' as const),
    },
    observations,
    cycle: { start: periods[12] as string, end: periods[20] as string, lagDays: 31 },
  }
})
record(
  '10,000 cycle verdicts (24 observations each)',
  measure(() => {
    for (const input of verdictInputs) {
      const verdict = cycleVerdict(input)
      if (!verdict.ok) throw new Error(verdict.issues.join('; '))
      sink += verdict.reasons.length
    }
  }),
)

// linear growth
console.log('\nGrowth (i chart, one series):')
let previous: number | null = null
for (const length of [10_000, 100_000, 1_000_000]) {
  const y = million.subarray(0, length)
  const milliseconds = measure(() => analyzeOrFail({ chart: 'i', y }))
  const growth = previous === null ? '' : `  ×${(milliseconds / previous).toFixed(1)} for ×10 points`
  console.log(
    `  ${length.toLocaleString('en-US').padStart(9)} points ${milliseconds.toFixed(2).padStart(9)} ms  ${((milliseconds / length) * 1e6).toFixed(0).padStart(5)} ns/point${growth}`,
  )
  previous = milliseconds
}

const missed = results.filter(
  (result) => result.targetMilliseconds !== undefined && result.milliseconds >= result.targetMilliseconds,
)
console.log(`\n(checksum ${sink})`)
if (missed.length > 0) {
  console.error(`Missed targets: ${missed.map((result) => result.name).join('; ')}`)
  process.exit(1)
}
console.log('All targets met.')
