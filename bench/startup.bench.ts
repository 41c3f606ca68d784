// `pnpm bench startup`: the production server run through tsx (`node --import tsx server/index.ts`)
// against the compiled server (`node BUILD_DIR/server-node/index.js`, scripts/build-server.mjs), ADR 033.
// Each run starts a fresh process on one migrated PostgreSQL database (TEST_DATABASE_URL, default the
// local server; PGlite in a temporary folder when none answers) and measures:
//   start-up  spawn → first `GET /readyz` 200 (polled every 10 ms);
//   RSS       the process's resident memory (/proc/<pid>/status) right after that, and after 200 requests;
//   latency   median of 200 sequential `GET /login` (server-rendered page) and `GET /healthz`.
// The two variants alternate (tsx, compiled, tsx, …) so that a change in the machine's load hits both.
// `pnpm bench startup -- --runs 9` for more runs (default 7). Needs `pnpm build` first.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase } from '../server/db/client.ts'
import { migrateDatabase } from '../server/db/migrate.ts'
import { freePort } from '../test/utils/free-port.ts'
import { ADMIN_URL } from './utils/seeded-district.ts'

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7
const REQUESTS = 200
const BUILD_DIR = process.env.BUILD_DIR || 'build'

const VARIANTS = {
  tsx: ['--import', 'tsx', 'server/index.ts'],
  compiled: [join(BUILD_DIR, 'server-node/index.js')],
} as const
type Variant = keyof typeof VARIANTS

interface Run {
  startMs: number
  rssStartMiB: number
  rssAfterMiB: number
  loginMs: number
  healthzMs: number
  load1: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
  return line ? Number(line[1]) / 1024 : Number.NaN
}

async function timeRequests(url: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now()
    const res = await fetch(url)
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    times.push(performance.now() - started)
  }
  return median(times)
}

async function database(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  try {
    await admin.connect()
  } catch {
    const dataDir = mkdtempSync(join(tmpdir(), 'pdsa-bench-startup-'))
    console.log(`PostgreSQL does not answer at ${new URL(ADMIN_URL).host}: PGlite in ${dataDir}`)
    return {
      env: { DATABASE_URL: '', DATA_DIR: dataDir, NO_DEMO_SEED: 'true' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const name = `bench_startup_${randomBytes(4).toString('hex')}`
  await admin.query(`CREATE DATABASE "${name}"`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const migrated = await openDatabase({ kind: 'postgres', url: url.toString() })
  await migrateDatabase(migrated)
  await migrated.close()
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    },
  }
}

async function startOnce(variant: Variant, dbEnv: Record<string, string>): Promise<Run> {
  const port = await freePort()
  const load1 = loadavg()[0] as number
  const started = performance.now()
  const child: ChildProcess = spawn(process.execPath, [...VARIANTS[variant]], {
    env: {
      ...process.env,
      ...dbEnv,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'b'.repeat(40),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const base = `http://127.0.0.1:${port}`
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${variant} exited with ${child.exitCode} before ready`)
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
      if (performance.now() - started > 120_000) throw new Error(`${variant} not ready in 120 s`)
      await new Promise((r) => setTimeout(r, 10))
    }
    const startMs = performance.now() - started
    const rssStartMiB = rssMiB(child.pid as number)
    const loginMs = await timeRequests(`${base}/login`)
    const healthzMs = await timeRequests(`${base}/healthz`)
    const rssAfterMiB = rssMiB(child.pid as number)
    return { startMs, rssStartMiB, rssAfterMiB, loginMs, healthzMs, load1 }
  } finally {
    child.kill('SIGTERM')
    const code = await exited
    if (code !== 0) console.error(`${variant} exited with ${code} after SIGTERM`)
  }
}

if (!existsSync(join(BUILD_DIR, 'server/index.js')) || !existsSync(VARIANTS.compiled[0])) {
  console.error(`Run \`pnpm build\` first (needs ${BUILD_DIR}/server/index.js and ${VARIANTS.compiled[0]}).`)
  process.exit(1)
}
const db = await database()
const results: Record<Variant, Run[]> = { tsx: [], compiled: [] }
try {
  // One start of each, not counted: tsx's transform cache and the OS file cache are warm for both.
  for (const variant of Object.keys(VARIANTS) as Variant[]) await startOnce(variant, db.env)
  for (let i = 0; i < RUNS; i++) {
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const run = await startOnce(variant, db.env)
      results[variant].push(run)
      console.log(
        `${variant.padEnd(8)} run ${i + 1}: ready ${run.startMs.toFixed(0)} ms, RSS ${run.rssStartMiB.toFixed(0)} MiB` +
          ` (${run.rssAfterMiB.toFixed(0)} after ${2 * REQUESTS} requests), /login ${run.loginMs.toFixed(1)} ms,` +
          ` /healthz ${run.healthzMs.toFixed(2)} ms, load ${run.load1.toFixed(1)}`,
      )
    }
  }
} finally {
  await db.drop()
}

const row = (variant: Variant) => {
  const runs = results[variant]
  const pick = (key: keyof Run) => median(runs.map((r) => r[key]))
  return `| ${variant} | ${pick('startMs').toFixed(0)} ms | ${pick('rssStartMiB').toFixed(0)} MiB | ${pick('rssAfterMiB').toFixed(0)} MiB | ${pick('loginMs').toFixed(1)} ms | ${pick('healthzMs').toFixed(2)} ms | ${Math.min(...runs.map((r) => r.load1)).toFixed(1)}–${Math.max(...runs.map((r) => r.load1)).toFixed(1)} |`
}
console.log(
  `\nMedians of ${RUNS} runs each (Node ${process.version}, ${db.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}):\n`,
)
console.log(
  '| server | start → /readyz 200 | RSS at ready | RSS after requests | GET /login | GET /healthz | load average (1 min) |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- |')
console.log(row('tsx'))
console.log(row('compiled'))
