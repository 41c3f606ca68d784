// `pnpm bench verdicts`: the placebo benchmark of cycle verdicts (issue 9, docs/benchmarks/verdicts.md).
// On the demo district (built in memory), cycleVerdict() is applied to windows in which nothing was
// tried, and then to the same windows with a known effect injected:
//   1. False verdicts: every (series, start week) of the weekly library measures, with the series =
//      a school × student group on which no cycle ran and no storyline changed the measure, and the
//      comparison series = the same group at the other such schools. Each (series, start week) is
//      evaluated with one cycle length, cycling through 4..12 weeks with the series and the week
//      (a deterministic 1-in-9 sample of the full grid, every length equally often).
//      Printed: "improved" + "worsened" per measure and per month of the cycle start.
//   2. Detection: the same series and start weeks with 8-week windows, a sustained relative step of
//      5 %, 10 % or 20 % in the better direction injected inside the window (below), and the share
//      of "improved" per effect size, measure and size of the series (students behind a value), beside
//      two oracles (bench/verdicts-oracle.ts) that know the true no-effect distribution of their
//      statistic on that row — one also each series' no-effect baseline for the rest of its school
//      year — held to the same false-alarm rate (or 5 %, whichever is larger): what could be reached.
//   3. Speed: 10,000 cycle × measure links of the demo district judged in-process (bench/verdicts-links.ts).
//   VERDICT_METHOD=<kind> forces one comparison (see VERDICT_METHODS); default: the automatic choice.
//   VERDICT_SAMPLE=<k> evaluates every k-th start week only (quicker, rougher figures).
//   VERDICT_MEASURES=SUSP_RATE,ODR_RATE / VERDICT_GROUPS=ALL evaluate these measures / groups only;
//   VERDICT_WEEKS=6 gives every placebo window that length (the issue's figures: 6-week windows).

import { verdictRequest } from '@pdsa/analytics/request/verdict-request'
import {
  type ComparisonSeries,
  type CycleVerdictInput,
  cycleVerdict,
  type MeasureDefinition,
  type Observation,
} from '@pdsa/analytics/verdict/cycle-verdict'
import { buildDemoDistrict, type DemoObservation } from '@pdsa/demo-district'
import { linkVerdictSpeed, verdictMeasureOf } from './verdicts-links.ts'
import { oracleDetection, oracleSeries } from './verdicts-oracle.ts'

const TODAY = '2026-11-24'
const MEASURES = ['ATTEND_RATE', 'CHRONIC_ABS', 'AT_RISK_ABS', 'SUSP_RATE', 'ODR_RATE'] as const
type BenchMeasure = (typeof MEASURES)[number]
const ABSENCE = ['ATTEND_RATE', 'CHRONIC_ABS', 'AT_RISK_ABS'] as const
/**
 * Series the storylines change without a cycle linking the measure there (education-data.md §6.3):
 * Harbor's mentoring and Bayview's calls lower absence school-wide; Kestrel's conferences lower
 * suspensions, and out-of-school suspension days count as absences.
 */
const STORYLINE_EFFECTS: Record<string, readonly BenchMeasure[]> = {
  HMS: ABSENCE,
  BAY: ABSENCE,
  KHS: [...ABSENCE, 'SUSP_RATE'],
}
const EFFECT_SIZES = [0.05, 0.1, 0.2] as const
const DETECTION_WEEKS = 8
const SIZE_BANDS = [
  { label: '< 100', min: 0, max: 100 },
  { label: '100–399', min: 100, max: 400 },
  { label: '400+', min: 400, max: Number.POSITIVE_INFINITY },
] as const
const DAY = 86_400_000

const forcedMethod = process.env.VERDICT_METHOD
const sampleEvery = Number(process.env.VERDICT_SAMPLE ?? 1)
const onlyMeasures = process.env.VERDICT_MEASURES?.split(',')
const onlyGroups = process.env.VERDICT_GROUPS?.split(',')
const fixedWeeks = process.env.VERDICT_WEEKS ? Number(process.env.VERDICT_WEEKS) : undefined

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

interface PlaceboSeries {
  measure: BenchMeasure
  school: string
  group: string
  observations: DemoObservation[]
  /** Median denominator: the students behind a value. */
  size: number
  comparison: ComparisonSeries[]
}

function placeboSeries() {
  const district = buildDemoDistrict({ today: TODAY })
  const linked = new Set(
    district.cycles.flatMap((cycle) => cycle.measures.map((m) => `${cycle.schoolCode}|${m.measureCode}`)),
  )
  const bySeries = new Map<string, DemoObservation[]>()
  for (const o of district.observations) {
    if (!(MEASURES as readonly string[]).includes(o.measureCode)) continue
    const key = `${o.measureCode}|${o.schoolCode}|${o.groupCode}`
    const list = bySeries.get(key)
    if (list) list.push(o)
    else bySeries.set(key, [o])
  }
  const isPlacebo = (measure: BenchMeasure, school: string) =>
    !linked.has(`${school}|${measure}`) && !(STORYLINE_EFFECTS[school] ?? []).includes(measure)
  const series: PlaceboSeries[] = []
  for (const [key, observations] of bySeries) {
    const [measure, school, group] = key.split('|') as [BenchMeasure, string, string]
    if (!isPlacebo(measure, school) || (onlyMeasures && !onlyMeasures.includes(measure))) continue
    if (onlyGroups && !onlyGroups.includes(group)) continue
    observations.sort((a, b) => a.period.localeCompare(b.period))
    const sizes = observations.map((o) => o.denominator ?? 0).sort((a, b) => a - b)
    const comparison = district.schools
      .filter((s) => s.code !== school && isPlacebo(measure, s.code))
      .flatMap((s) => {
        const other = bySeries.get(`${measure}|${s.code}|${group}`)
        return other ? [{ id: s.code, observations: other.map(toObservation) }] : []
      })
    series.push({
      measure,
      school,
      group,
      observations,
      size: sizes[Math.floor(sizes.length / 2)] ?? 0,
      comparison,
    })
  }
  return { district, series }
}

function toObservation(o: DemoObservation): Observation {
  return { period: o.period, numerator: o.numerator, denominator: o.denominator }
}

function measureDefinition(
  district: ReturnType<typeof buildDemoDistrict>,
  code: BenchMeasure,
): MeasureDefinition {
  const m = district.measures.find((x) => x.code === code)
  if (!m) throw new Error(`no measure ${code}`)
  return verdictMeasureOf(m, district.district.schoolYearStart)
}

/** First period of the school year (the period after a gap of more than 5 weeks) of each index. */
function yearStartIndices(observations: readonly DemoObservation[]): number[] {
  const starts: number[] = []
  let start = 0
  observations.forEach((o, i) => {
    const previous = observations[i - 1]
    if (previous && Date.parse(o.period) - Date.parse(previous.period) > 35 * DAY) start = i
    starts.push(start)
  })
  return starts
}

/**
 * The series with a sustained relative step of `effect` in the better direction from `from` (index)
 * through `to`. Per-period measures: numerators × (1 − effect) when lower is better; for a proportion
 * where higher is better the complement shrinks (absence 5 % → 4 % is a 20 % step).
 * To-date measures: the step applies to what happens inside the window, so a to-date numerator loses
 * effect × (weeks of the window so far ÷ weeks of the school year so far) — what a 20 % lower weekly
 * rate does to a year-to-date rate.
 */
function inject(
  series: PlaceboSeries,
  definition: MeasureDefinition,
  effect: number,
  from: number,
  to: number,
  yearStarts: readonly number[],
): Observation[] {
  return series.observations.map((o, i) => {
    if (i < from || i > to || o.numerator === null || o.denominator === null) return toObservation(o)
    let step = effect
    if (definition.accumulation === 'to_date') {
      const yearStart = yearStarts[i] as number
      const inside = i - Math.max(from, yearStart) + 1
      step = (effect * inside) / (i - yearStart + 1)
    }
    const numerator =
      definition.higherIsBetter && definition.chartType === 'p'
        ? o.denominator - (o.denominator - o.numerator) * (1 - step)
        : o.numerator * (1 - step)
    return { period: o.period, numerator, denominator: o.denominator }
  })
}

interface Tally {
  windows: number
  improved: number
  worsened: number
  notEnough: number
}
const emptyTally = (): Tally => ({ windows: 0, improved: 0, worsened: 0, notEnough: 0 })

function count(tallies: Map<string, Tally>, key: string, verdict: string) {
  let tally = tallies.get(key)
  if (!tally) {
    tally = emptyTally()
    tallies.set(key, tally)
  }
  tally.windows++
  if (verdict === 'improved') tally.improved++
  if (verdict === 'worsened') tally.worsened++
  if (verdict === 'not_enough_data') tally.notEnough++
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function printFalseVerdicts(title: string, tallies: Map<string, Tally>, order: readonly string[]) {
  console.log(`\n${title}`)
  console.log('| | windows | improved | worsened | false verdicts | not enough data |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const key of order) {
    const t = tallies.get(key)
    if (!t) continue
    console.log(
      `| ${key} | ${t.windows} | ${percent(t.improved, t.windows)} | ${percent(t.worsened, t.windows)} | **${percent(t.improved + t.worsened, t.windows)}** | ${percent(t.notEnough, t.windows)} |`,
    )
  }
}

const rulesFired = new Map<string, number>()

function judge(input: CycleVerdictInput, countRules = false): { verdict: string; method: string } {
  const outcome = cycleVerdict(
    forcedMethod ? ({ ...input, method: forcedMethod } as CycleVerdictInput) : input,
  )
  if (!outcome.ok) throw new Error(outcome.issues.join('; '))
  if (
    countRules &&
    process.env.VERDICT_RULES &&
    (outcome.verdict === 'improved' || outcome.verdict === 'worsened')
  ) {
    const key = [...new Set(outcome.reasons.map((r) => `${r.rule}:${r.direction}`))].sort().join('+')
    rulesFired.set(key, (rulesFired.get(key) ?? 0) + 1)
  }
  return { verdict: outcome.verdict, method: outcome.method.kind }
}

function main() {
  const started = performance.now()
  const { district, series } = placeboSeries()
  const built = performance.now()
  const definitions = new Map(MEASURES.map((m) => [m, measureDefinition(district, m)]))
  const byMeasure = new Map<string, Tally>()
  const byMonth = new Map<string, Tally>()
  const byLength = new Map<string, Tally>()
  const methodsUsed = new Map<string, { windows: number; wrong: number }>()
  const detection = new Map<string, { windows: number; improved: number }>()
  const detectionWindows = new Map<string, { judged: number; unjudged: number; falseVerdicts: number }>()
  /** The oracle statistics of the judgeable windows, per row key and `${effect}|${row key}` (0: no effect). */
  const oracleKnown = new Map<string, number[]>()
  const oracleDistrict = new Map<string, number[]>()
  const record = (key: string, stats: { knownBaseline: number; districtNull: number }) => {
    for (const [values, value] of [
      [oracleKnown, stats.knownBaseline],
      [oracleDistrict, stats.districtNull],
    ] as const) {
      const list = values.get(key)
      if (list) list.push(value)
      else values.set(key, [value])
    }
  }
  let evaluations = 0

  series.forEach((s, seriesIndex) => {
    const definition = definitions.get(s.measure) as MeasureDefinition
    const yearStarts = yearStartIndices(s.observations)
    const lastPeriod = s.observations.at(-1)?.period ?? ''
    const observations = s.observations.map(toObservation)
    const oracle = oracleSeries(definition, observations, s.comparison, yearStarts)
    s.observations.forEach((o, startIndex) => {
      if (startIndex % sampleEvery !== 0) return
      const weeks = fixedWeeks ?? 4 + ((seriesIndex + startIndex) % 9)
      const end = addDays(o.period, 7 * weeks - 3)
      if (end <= lastPeriod) {
        const input: CycleVerdictInput = {
          measure: definition,
          observations,
          cycle: { start: o.period, end },
          comparison: s.comparison,
          isFinal: true,
        }
        const { verdict, method } = judge(input, true)
        evaluations++
        const month = MONTHS[Number(o.period.slice(5, 7)) - 1] as string
        count(byMeasure, s.measure, verdict)
        count(byMonth, month, verdict)
        count(byLength, `${weeks} weeks`, verdict)
        const used = methodsUsed.get(method) ?? { windows: 0, wrong: 0 }
        used.windows++
        if (verdict === 'improved' || verdict === 'worsened') used.wrong++
        methodsUsed.set(method, used)
      }
      // detection: an 8-week window whose eight weekly values all exist and lie in one school year
      const to = startIndex + DETECTION_WEEKS - 1
      const last = s.observations[to]
      if (!last || yearStarts[to] !== yearStarts[startIndex]) return
      if (Date.parse(last.period) - Date.parse(o.period) !== 7 * (DETECTION_WEEKS - 1) * DAY) return
      const band = SIZE_BANDS.find((b) => s.size >= b.min && s.size < b.max)?.label as string
      // the same window without an effect: windows no method can judge (no baseline yet) are left out
      const window = { start: o.period, end: addDays(last.period, 4) }
      const plain = judge({
        measure: definition,
        observations,
        cycle: window,
        comparison: s.comparison,
        isFinal: true,
      })
      evaluations++
      for (const key of [`${band}|all measures`, `${band}|${s.measure}`]) {
        const c = detectionWindows.get(key) ?? { judged: 0, unjudged: 0, falseVerdicts: 0 }
        if (plain.verdict === 'not_enough_data') c.unjudged++
        else c.judged++
        if (plain.verdict === 'improved' || plain.verdict === 'worsened') c.falseVerdicts++
        detectionWindows.set(key, c)
      }
      if (plain.verdict === 'not_enough_data') return
      const plainStats = oracle(observations, startIndex, to)
      for (const key of [`${band}|all measures`, `${band}|${s.measure}`]) record(`0|${key}`, plainStats)
      for (const effect of EFFECT_SIZES) {
        const injected = inject(s, definition, effect, startIndex, to, yearStarts)
        const { verdict } = judge({
          measure: definition,
          observations: injected,
          cycle: window,
          comparison: s.comparison,
          isFinal: true,
        })
        evaluations++
        const stats = oracle(injected, startIndex, to)
        for (const key of [`${effect}|${band}|all measures`, `${effect}|${band}|${s.measure}`]) {
          record(key, stats)
          const d = detection.get(key) ?? { windows: 0, improved: 0 }
          d.windows++
          if (verdict === 'improved') d.improved++
          detection.set(key, d)
        }
      }
    })
  })
  const finished = performance.now()

  console.log(
    `Demo district ${TODAY}: ${series.length} placebo series (school × group × measure), built in ${(built - started).toFixed(0)} ms; ${evaluations} verdicts in ${((finished - built) / 1000).toFixed(1)} s${forcedMethod ? `; method forced: ${forcedMethod}` : ''}${sampleEvery > 1 ? `; every ${sampleEvery}th start week` : ''}`,
  )
  printFalseVerdicts('False verdicts per measure (no intervention)', byMeasure, MEASURES)
  printFalseVerdicts('False verdicts per month of the cycle start', byMonth, [
    ...MONTHS.slice(7),
    ...MONTHS.slice(0, 7),
  ])
  printFalseVerdicts(
    'False verdicts per cycle length',
    byLength,
    Array.from({ length: 9 }, (_, i) => `${i + 4} weeks`),
  )
  const total = [...byMeasure.values()].reduce(
    (sum, t) => ({ windows: sum.windows + t.windows, wrong: sum.wrong + t.improved + t.worsened }),
    { windows: 0, wrong: 0 },
  )
  console.log(
    `\nAll placebo windows: ${percent(total.wrong, total.windows)} false verdicts of ${total.windows}`,
  )
  console.log(
    `By comparison used: ${[...methodsUsed].map(([kind, m]) => `${kind} ${percent(m.wrong, m.windows)} of ${m.windows}`).join('; ')}`,
  )

  if (rulesFired.size > 0) console.log([...rulesFired].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(
    `\nDetection: share "improved" with a sustained step in the better direction, ${DETECTION_WEEKS} weekly values, among the windows that can be judged (a verdict other than "not enough data" without the effect)`,
  )
  console.log(
    `| students behind a value | measure | no effect (false verdicts) | ${EFFECT_SIZES.map((e) => `${e * 100} %`).join(' | ')} | ${EFFECT_SIZES.map((e) => `oracle, known baseline, ${e * 100} %`).join(' | ')} | oracle, district null, 20 % | windows judged | not judgeable (no baseline) |`,
  )
  console.log(
    `|---|---|---:|${[...EFFECT_SIZES, ...EFFECT_SIZES].map(() => '---:').join('|')}|---:|---:|---:|`,
  )
  for (const band of SIZE_BANDS) {
    for (const measure of ['all measures', ...MEASURES]) {
      const windows = detectionWindows.get(`${band.label}|${measure}`)
      if (!windows) continue
      const row = `${band.label}|${measure}`
      const cells = EFFECT_SIZES.map((effect) => detection.get(`${effect}|${row}`))
      const falseAlarmRate = windows.judged === 0 ? 0 : windows.falseVerdicts / windows.judged
      const oracle = (values: Map<string, number[]>, effect: number) => {
        const { detected } = oracleDetection(
          values.get(`0|${row}`) ?? [],
          values.get(`${effect}|${row}`) ?? [],
          falseAlarmRate,
        )
        return percent(detected, 1)
      }
      console.log(
        `| ${band.label} | ${measure} | ${percent(windows.falseVerdicts, windows.judged)} | ${cells.map((d) => (d ? percent(d.improved, d.windows) : '—')).join(' | ')} | ${EFFECT_SIZES.map((e) => oracle(oracleKnown, e)).join(' | ')} | ${oracle(oracleDistrict, 0.2)} | ${windows.judged} | ${windows.unjudged} |`,
      )
    }
  }
}

/** The storyline cycles' expected verdicts (packages/demo-district) against what cycleVerdict says. */
function storylines() {
  const district = buildDemoDistrict({ today: TODAY })
  const seriesOf = (measure: string, school: string, group: string) =>
    district.observations
      .filter((o) => o.measureCode === measure && o.schoolCode === school && o.groupCode === group)
      .map(toObservation)
  console.log('\nStoryline cycles: expected (scripts) and the verdict with every comparison')
  console.log('| cycle | measure | expected | verdict | comparison | frozen baseline (before) |')
  console.log('|---|---|---|---|---|---|')
  for (const cycle of district.cycles) {
    for (const e of cycle.expectations) {
      const m = district.measures.find((x) => x.code === e.measureCode)
      if (!m) continue
      const group = e.groupCode ?? 'ALL'
      const linkedAt = new Set(
        district.cycles
          .filter((c) => c.measures.some((x) => x.measureCode === e.measureCode))
          .map((c) => c.schoolCode),
      )
      const comparison = district.schools
        .filter((s) => s.code !== cycle.schoolCode && !linkedAt.has(s.code))
        .map((s) => ({ id: s.code, observations: seriesOf(e.measureCode, s.code, group) }))
        .filter((c) => c.observations.length > 0)
      const priorCycles = district.cycles
        .filter(
          (c) =>
            c.schoolCode === cycle.schoolCode &&
            c.plannedEnd < cycle.plannedStart &&
            c.measures.some((x) => x.measureCode === e.measureCode && (x.groupCode ?? 'ALL') === group),
        )
        .map((c) => ({ start: c.plannedStart, end: c.plannedEnd, lagDays: c.lagDays, decision: c.decision }))
      const input: CycleVerdictInput = {
        measure: verdictMeasureOf(m, district.district.schoolYearStart),
        observations: seriesOf(e.measureCode, cycle.schoolCode, group),
        cycle: { start: cycle.plannedStart, end: cycle.plannedEnd, lagDays: cycle.lagDays },
        comparison,
        priorCycles,
        isFinal: cycle.stage === 'complete',
      }
      const now = cycleVerdict(input)
      const before = cycleVerdict({ ...input, method: 'frozen_baseline' })
      if (!now.ok || !before.ok) throw new Error('invalid storyline input')
      console.log(
        `| ${cycle.key} | ${e.measureCode} ${group} | ${e.verdict} | ${now.verdict} | ${now.method.kind}, ${now.method.limits}${now.method.phaseStart ? `, phase from ${now.method.phaseStart}` : ''} | ${before.verdict} |`,
      )
    }
  }
}

/** 10,000 verdict requests (the analyze command's path: validation and verdicts) in one call. */
function requestSpeed() {
  const weeks = Array.from({ length: 80 }, (_, i) =>
    new Date(Date.UTC(2024, 7, 12 + 7 * i)).toISOString().slice(0, 10),
  )
  const items = Array.from({ length: 10_000 }, (_, k) => ({
    measure: {
      chart: 'p',
      higherIsBetter: false,
      accumulation: 'period',
      cadence: 'weekly',
      multiplier: 100,
    },
    points: weeks.map((x, i) => ({ x, y: 30 + ((i * 7 + k) % 11), n: 500 })),
    window: { start: weeks[70], end: weeks[77] },
    isFinal: true,
  }))
  const request = JSON.parse(JSON.stringify({ verdicts: items }))
  const started = performance.now()
  const outcome = verdictRequest(request)
  const elapsed = performance.now() - started
  if (!outcome.ok) throw new Error(outcome.errors.slice(0, 3).join('; '))
  console.log(
    `\n10,000 verdict requests of 80 weekly points in one call: ${(elapsed / 1000).toFixed(2)} s (target < 5 s)`,
  )
}

main()
storylines()
requestSpeed()
linkVerdictSpeed(TODAY)
