#!/usr/bin/env node
// The two commands of the README, runnable on a machine that has only Node 20+ and npm:
//   npm run demo       install, build, start on the embedded database with the demo district
//   npm run test:all   install, then lint, typecheck, unit, integration (PGlite, then PostgreSQL), build, JS budget,
//                      browser tests
// pnpm comes from the npm registry through npx when it is not installed.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'

const PNPM_VERSION = '10.34.8'
const command = process.argv[2]

function hasPnpm() {
  try {
    return execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).startsWith('10.')
  } catch {
    return false
  }
}
const pnpm = hasPnpm() ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`]

function run(args, env = {}) {
  const [bin, ...rest] = [...pnpm, ...args]
  console.log(
    `\n$ ${[bin, ...rest].join(' ')}${
      Object.keys(env).length
        ? `   (${Object.entries(env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')})`
        : ''
    }`,
  )
  const result = spawnSync(bin, rest, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    console.error(`\n✗ ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status ?? 1)
  }
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(path)) return true
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('\nInstalling Chromium for the browser tests (apt-get install chromium)…')
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (update.status === 0 && install.status === 0 && existsSync(path)) return true
  }
  return false
}

if (command === 'demo') {
  run(['install', '--frozen-lockfile'])
  run(['build'])
  run(['start'])
} else if (command === 'test') {
  const ci = process.env.CI === 'true' || process.env.CI === '1'
  run(['install', '--frozen-lockfile'])
  run(['lint'])
  run(['typecheck'])
  run(['test:unit'])
  // First on the embedded database (an empty TEST_DATABASE_URL means PGlite), then on PostgreSQL.
  run(['test:integration'], { TEST_DATABASE_URL: '' })
  let built = false
  const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const pgUrl = new URL(postgresUrl)
  if (await reachable(pgUrl.hostname, Number(pgUrl.port || 5432))) {
    // The production topology test (two built instances behind a TLS proxy, PostgreSQL and Redis) runs
    // the production build.
    run(['build'])
    built = true
    run(['test:integration'], {
      TEST_DATABASE_URL: postgresUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    })
  } else if (ci) {
    console.error(`✗ PostgreSQL is not reachable at ${pgUrl.host}; CI must run the integration tests on it.`)
    process.exit(1)
  } else {
    console.warn(`! PostgreSQL is not reachable at ${pgUrl.host}: integration tests ran on PGlite only.`)
  }
  if (ensureChromium()) {
    if (!built) run(['build'])
    // Initial JavaScript per route against js-budget.json (fails when a route grew by more than 10 %).
    run(['js-budget'])
    run(['test:e2e'])
  } else if (ci) {
    console.error('✗ Chromium is missing; CI must run the browser tests.')
    process.exit(1)
  } else {
    console.warn(
      '! Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH): browser tests skipped.',
    )
  }
  console.log('\n✓ All test suites passed.')
} else {
  console.error('Usage: node scripts/run.mjs demo|test')
  process.exit(2)
}
