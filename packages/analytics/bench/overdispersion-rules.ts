// Measures candidate over-dispersion rules on simulated weekly p data (the figures in ADR 015):
//   pnpm exec tsx packages/analytics/bench/overdispersion-rules.ts
// For each scenario: the share of series each rule calls over-dispersed. Seeded and deterministic.
//   laney-test   sigma_z (screened moving ranges, as the pp chart) > its simulated 95th percentile
//   chi-square   Pearson dispersion sum(z²) > chi-square(0.95, m − 1) (Spiegelhalter 2005)
//   sigma_z > 1  Laney's ratio above 1 (no test)

import { overdispersion } from '../src/series/overdispersion.ts'
import { betaBinomial, binomial, seededRandom } from '../src/series/simulate-counts.ts'

const SERIES_PER_SCENARIO = 2000
const random = seededRandom(2002)

/** Chi-square quantile by Wilson and Hilferty (1931); accurate to < 1 % for df ≥ 5. */
function chiSquareQuantile95(df: number): number {
  const z = 1.6448536269514722
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3
}

function pearsonOverdispersed(y: number[], n: number[]): boolean {
  const p = y.reduce((a, b) => a + b, 0) / n.reduce((a, b) => a + b, 0)
  let statistic = 0
  y.forEach((count, i) => {
    const size = n[i] as number
    statistic += (count / size - p) ** 2 / ((p * (1 - p)) / size)
  })
  return statistic > chiSquareQuantile95(y.length - 1)
}

interface Scenario {
  name: string
  draw: (size: number, week: number, weeks: number) => number
}

const P = 0.1
const scenarios: Scenario[] = [
  { name: 'binomial (no extra variation)', draw: (size) => binomial(random, size, P) },
  {
    name: 'binomial, 20 % step at half-way',
    draw: (size, week, weeks) => binomial(random, size, week < weeks / 2 ? P : P * 0.8),
  },
  { name: 'beta-binomial rho 0.001 (phi 1.5)', draw: (size) => betaBinomial(random, size, P, 0.001) },
  { name: 'beta-binomial rho 0.002 (phi 2)', draw: (size) => betaBinomial(random, size, P, 0.002) },
  { name: 'beta-binomial rho 0.005 (phi 3.5)', draw: (size) => betaBinomial(random, size, P, 0.005) },
  { name: 'beta-binomial rho 0.02 (phi 11)', draw: (size) => betaBinomial(random, size, P, 0.02) },
]

console.log(`Share of ${SERIES_PER_SCENARIO} series called over-dispersed (p = ${P}, n ~ U(400, 600))\n`)
console.log(
  `${'scenario'.padEnd(36)} ${'weeks'.padStart(5)} ${'laney-test'.padStart(11)} ${'chi-square'.padStart(11)} ${'sigma_z > 1'.padStart(12)}`,
)
for (const weeks of [10, 20, 40]) {
  for (const scenario of scenarios) {
    let laney = 0
    let pearson = 0
    let naive = 0
    for (let s = 0; s < SERIES_PER_SCENARIO; s++) {
      const n = Array.from({ length: weeks }, () => 400 + Math.floor(random() * 201))
      const y = n.map((size, week) => scenario.draw(size, week, weeks))
      const result = overdispersion({ chart: 'p', y, n })
      if (result.isOverdispersed) laney++
      if (pearsonOverdispersed(y, n)) pearson++
      if (result.ratio !== null && result.ratio > 1) naive++
    }
    const share = (count: number) => `${((100 * count) / SERIES_PER_SCENARIO).toFixed(1)} %`
    console.log(
      `${scenario.name.padEnd(36)} ${String(weeks).padStart(5)} ${share(laney).padStart(11)} ${share(pearson).padStart(11)} ${share(naive).padStart(12)}`,
    )
  }
}
