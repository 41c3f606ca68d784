#!/usr/bin/env node
// pnpm fuzz [--runs N] [--seed S] [--only REGEX] [--postgres URL]
// Runs the fuzz suite (test/integration/fuzz-procedures-*.integration.test.ts) with N inputs per procedure
// (default 2,000) and a random seed unless one is given; prints the seed so a failure can be replayed.
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const runs = Number(option('runs') ?? 2000)
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs needs a whole number above 0.')
  process.exit(2)
}
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31))
const env = {
  ...process.env,
  FUZZ_RUNS: String(runs),
  FUZZ_SEED: String(seed),
  FUZZ_REPORT: '1',
  ...(option('only') ? { FUZZ_ONLY: option('only') } : {}),
  ...(option('postgres') ? { TEST_DATABASE_URL: option('postgres') } : {}),
}
console.log(`Fuzzing every procedure with ${runs} inputs each, seed ${seed}.`)
const result = spawnSync(
  'pnpm',
  ['vitest', 'run', '--project', 'integration', 'test/integration/fuzz-procedures-'],
  { stdio: 'inherit', env },
)
if (result.status !== 0) console.error(`\nReplay with: pnpm fuzz --runs ${runs} --seed ${seed}`)
process.exit(result.status ?? 1)
