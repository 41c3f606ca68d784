// The speed case of issue 9, item 9: "verdicts for a district's 10,000 cycle × measure links < 1 s".
// Builds 10,000 cycleVerdict() inputs from the demo district the way the server passes them
// (server/services/analytics/cycle-verdicts.ts, verdict-inputs.ts): the link's weekly series over the
// demo's school years, the same measure and group at up to 8 other schools that ran no cycle on the
// measure as comparison series (built once per measure × group × school and shared, as the server's
// cache does), earlier cycles on the same series, final once the cycle has ended. Then times judging
// all of them in-process (inputs built beforehand: the server's queries are not part of the figure),
// median of 5 runs, with the 1-minute load average beside it (the figure is only meaningful idle).
import { loadavg } from 'node:os'
import {
  type ComparisonSeries,
  type CycleVerdictInput,
  cycleVerdict,
  type Observation,
  type PriorCycle,
} from '@pdsa/analytics/verdict/cycle-verdict'
import { buildDemoDistrict, type DemoMeasure, type DemoObservation } from '@pdsa/demo-district'

const LINKS = 10_000
const RUNS = 5
const COMPARISON_SCHOOLS = 8
const DAY = 86_400_000
const DECISIONS: PriorCycle['decision'][] = ['adopt', 'adapt', 'abandon', null]

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/** 10,000 links: every weekly series of the demo district in turn, a different cycle window each time. */
/** A demo measure as the verdict engine reads it (what the server passes from a Measure row). */
export function verdictMeasureOf(m: DemoMeasure, schoolYearStart: string): CycleVerdictInput['measure'] {
  return {
    higherIsBetter: m.higherIsBetter,
    chartType: m.chartType,
    multiplier: m.multiplier,
    accumulation: m.accumulation,
    cadence: m.cadence,
    schoolYearStart,
  }
}

export function linkVerdictInputs(today: string, count = LINKS): CycleVerdictInput[] {
  const district = buildDemoDistrict({ today })
  const weekly = new Map(
    district.measures.filter((m) => m.cadence === 'weekly').map((m) => [m.code as string, m]),
  )
  const linked = new Set(
    district.cycles.flatMap((c) => c.measures.map((m) => `${c.schoolCode}|${m.measureCode}`)),
  )
  const bySeries = new Map<string, DemoObservation[]>()
  for (const o of district.observations) {
    if (!weekly.has(o.measureCode)) continue
    const key = `${o.measureCode}|${o.schoolCode}|${o.groupCode}`
    const list = bySeries.get(key)
    if (list) list.push(o)
    else bySeries.set(key, [o])
  }
  const observationsOf = new Map<string, Observation[]>()
  for (const [key, list] of bySeries) {
    list.sort((a, b) => a.period.localeCompare(b.period))
    const ratio = ['p', 'u'].includes(weekly.get(key.split('|')[0] as string)?.chartType ?? '')
    observationsOf.set(
      key,
      list.map((o) =>
        ratio
          ? { period: o.period, numerator: o.numerator, denominator: o.denominator }
          : { period: o.period, value: o.value },
      ),
    )
  }
  const comparisons = new Map<string, ComparisonSeries[]>()
  const comparisonOf = (measure: string, school: string, group: string) => {
    const key = `${measure}|${school}|${group}`
    const hit = comparisons.get(key)
    if (hit) return hit
    const series = district.schools
      .filter((s) => s.code !== school && !linked.has(`${s.code}|${measure}`))
      .flatMap((s) => {
        const observations = observationsOf.get(`${measure}|${s.code}|${group}`)
        return observations ? [{ id: s.code, observations }] : []
      })
      .slice(0, COMPARISON_SCHOOLS)
    comparisons.set(key, series)
    return series
  }
  const series = [...observationsOf].filter(([, o]) => o.length >= 30)
  return Array.from({ length: count }, (_, k) => {
    const [key, observations] = series[k % series.length] as [string, Observation[]]
    const [measureCode, school, group] = key.split('|') as [string, string, string]
    const m = weekly.get(measureCode)
    if (!m) throw new Error(`no measure ${measureCode}`)
    const round = Math.floor(k / series.length)
    const startIndex = 12 + ((round * 17 + k * 5) % (observations.length - 16))
    const start = (observations[startIndex] as Observation).period
    const weeks = 4 + (k % 9)
    const end = addDays(start, 7 * weeks - 3)
    const priorCycles = Array.from({ length: round % 4 }, (_, p) => ({
      start: addDays(start, -7 * 8 * (p + 1)),
      end: addDays(start, -7 * 8 * (p + 1) + 7 * 6 - 3),
      lagDays: 7 * (p % 2),
      decision: DECISIONS[(k + p) % DECISIONS.length] ?? null,
    })).reverse()
    return {
      measure: verdictMeasureOf(m, district.district.schoolYearStart),
      observations,
      cycle: { start, end, lagDays: 7 * (k % 3) },
      comparison: comparisonOf(measureCode, school, group),
      priorCycles,
      isFinal: end < today,
    }
  })
}

/** Judges the 10,000 links RUNS times; prints the median, the load average and the verdicts reached. */
export function linkVerdictSpeed(today: string) {
  const inputs = linkVerdictInputs(today)
  const verdicts = new Map<string, number>()
  const methods = new Map<string, number>()
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    for (const input of inputs) {
      const outcome = cycleVerdict(input)
      if (!outcome.ok) throw new Error(outcome.issues.join('; '))
      if (run === 0) {
        verdicts.set(outcome.verdict, (verdicts.get(outcome.verdict) ?? 0) + 1)
        methods.set(outcome.method.kind, (methods.get(outcome.method.kind) ?? 0) + 1)
      }
    }
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(RUNS / 2)] as number
  const comparisonCount = inputs.reduce((sum, i) => sum + (i.comparison?.length ?? 0), 0) / inputs.length
  const points = inputs.reduce((sum, i) => sum + i.observations.length, 0) / inputs.length
  const list = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ')
  console.log(
    `\n${inputs.length.toLocaleString('en-US')} cycle × measure links judged in-process: median ${(median / 1000).toFixed(2)} s of ${RUNS} runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s; target < 1 s), load average ${loadavg()[0]?.toFixed(2)}; ${points.toFixed(0)} weekly values and ${comparisonCount.toFixed(1)} comparison series per link on average; verdicts: ${list(verdicts)}; comparisons: ${list(methods)}`,
  )
}
