// `pnpm bench`: runs every benchmark suite in its own process, one after the other, so that
// one suite's garbage and JIT state never colour another's figures.
//   pnpm bench                 all suites
//   pnpm bench analytics       only suites whose file name contains "analytics"
//   pnpm bench load --app-dir ../base   further arguments go to the selected suites
//   pnpm bench startup --runs 9
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const [filter, ...suiteArgs] = process.argv.slice(2).filter((arg) => arg !== '--')
const roots = ['bench', ...readdirSync('packages').map((p) => join('packages', p, 'bench'))]
const suites = roots.flatMap((dir) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => join(dir, f))
  } catch {
    return []
  }
})
const selected = suites.filter((s) => !filter || s.includes(filter)).sort()
if (selected.length === 0) {
  console.error(`No benchmark suite matches "${filter ?? ''}". Suites: ${suites.join(', ')}`)
  process.exit(1)
}
let failed = 0
for (const suite of selected) {
  console.log(`\n=== ${suite} ===`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', suite, ...suiteArgs], {
    stdio: 'inherit',
  })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
