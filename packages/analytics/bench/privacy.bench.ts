// `pnpm bench privacy`: the release decision (ADR 016) on the demo district, run with
// node --import tsx --expose-gc. Prints medians and the 1-minute load average (figures from a busy
// machine are not final) and exits 1 if a target is missed. Targets (2-core machine):
//   one school-period table (suppression + coding + audit), cold: < 5 ms median;
//   the demo district's full release (every measure × school series), cold: < 10 s.
import { loadavg } from 'node:os'
import { buildDemoDistrict } from '@pdsa/demo-district'
import { clearAuditCache } from '../src/privacy/audit-intervals.ts'
import { decideSeriesRelease } from '../src/privacy/release.ts'
import { districtSeriesInputs } from '../src/privacy/testing/series-inputs.ts'

const RUNS = 5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

const district = buildDemoDistrict({ today: '2026-11-24' })
const series = districtSeriesInputs(district)
const cells = series.reduce((sum, s) => sum + s.tables.reduce((t, table) => t + table.cells.length, 0), 0)
console.log(
  `demo district: ${series.length} series, ${series.reduce((s, x) => s + x.tables.length, 0)} tables, ${cells} cells`,
)

// One table at a time, cold (no interval cached): every table of the district that needs a decision
// beyond "show everything" (it has a small cell), decided alone.
const tableTimes: number[] = []
for (const s of series) {
  for (const table of s.tables) {
    if (!table.cells.some((c) => c.n !== null && c.n > 0 && c.n < s.rule.threshold)) continue
    clearAuditCache()
    const start = performance.now()
    decideSeriesRelease({ tables: [table], groups: s.groups, rule: { ...s.rule, accumulation: 'period' } })
    tableTimes.push(performance.now() - start)
  }
}
const sortedTableTimes = [...tableTimes].sort((a, b) => a - b)
const tableMedian = median(tableTimes)
const tableP95 = sortedTableTimes[Math.floor(sortedTableTimes.length * 0.95)] as number
console.log(
  `one table with a small cell, cold: median ${tableMedian.toFixed(2)} ms, p95 ${tableP95.toFixed(2)} ms (${tableTimes.length} tables)`,
)

function fullRelease(): { ms: number; hidden: number; coded: number; decided: number } {
  const start = performance.now()
  let hidden = 0
  let coded = 0
  let decided = 0
  for (const s of series) {
    const release = decideSeriesRelease({ tables: s.tables, groups: s.groups, rule: s.rule })
    for (const period of release.periods) {
      for (const [id, decision] of release.table(period)) {
        if (id.startsWith('other-than:')) continue
        decided++
        if (decision.kind === 'suppressed') hidden++
        else if (decision.kind === 'coded') coded++
      }
    }
  }
  return { ms: performance.now() - start, hidden, coded, decided }
}

const coldTimes: number[] = []
const warmTimes: number[] = []
let counts = { hidden: 0, coded: 0, decided: 0 }
for (let i = 0; i < RUNS; i++) {
  globalThis.gc?.()
  clearAuditCache()
  const cold = fullRelease()
  coldTimes.push(cold.ms)
  counts = cold
  warmTimes.push(fullRelease().ms)
}
const coldMedian = median(coldTimes)
console.log(
  `full release, cold: median ${(coldMedian / 1000).toFixed(2)} s; warm (intervals cached): median ${(median(warmTimes) / 1000).toFixed(2)} s`,
)
console.log(
  `cells decided ${counts.decided}: hidden ${counts.hidden} (${((100 * counts.hidden) / counts.decided).toFixed(1)} %), coded ${counts.coded} (${((100 * counts.coded) / counts.decided).toFixed(1)} %)`,
)
console.log(`load average (1 min): ${loadavg()[0]?.toFixed(2)}`)

const missed: string[] = []
if (tableMedian >= 5) missed.push(`one table ${tableMedian.toFixed(2)} ms ≥ 5 ms`)
if (coldMedian >= 10_000) missed.push(`full release ${(coldMedian / 1000).toFixed(2)} s ≥ 10 s`)
if (missed.length > 0) {
  console.error(`Targets missed: ${missed.join('; ')}`)
  process.exit(1)
}
