// Load benchmark plumbing: a seeded PostgreSQL template database per seed version (the demo district takes
// minutes to build, a copy of the template a second), and the production server of any checkout started as its
// own process — so the same benchmark can time another build (`--app-dir`), e.g. the base commit.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { freePort } from '../../test/utils/free-port.ts'

export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort()
}

/** A hash of everything that decides what the demo seed writes: schema, migrations, seed code, demo data. */
export function seedVersion(appDir: string): string {
  const hash = createHash('sha256')
  for (const file of [
    ...filesUnder(join(appDir, 'prisma')),
    ...filesUnder(join(appDir, 'packages/demo-district')),
  ]) {
    if (file.includes('node_modules')) continue
    hash.update(file.slice(appDir.length))
    hash.update(readFileSync(file))
  }
  return hash.digest('hex').slice(0, 12)
}

/**
 * A fresh database copied from a template seeded by the checkout's own `prisma/seed.ts` (the template is
 * kept between runs, named after the seed version; `--reseed` drops it first).
 */
export async function seededDatabase(
  appDir: string,
  { reseed = false }: { reseed?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const template = `bench_load_tpl_${seedVersion(appDir)}`
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1,
  )
  if (exists && reseed) await admin((c) => c.query(`DROP DATABASE "${template}" WITH (FORCE)`))
  if (!exists || reseed) {
    // Seed under a temporary name and rename when done, so a crashed seed never leaves a half template.
    const building = `${template}_${randomBytes(3).toString('hex')}`
    await admin((c) => c.query(`CREATE DATABASE "${building}"`))
    console.log(`Seeding the demo district into ${building} (${appDir}), once per seed version…`)
    const t0 = performance.now()
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], {
      cwd: appDir,
      env: { ...process.env, DATABASE_URL: withDatabase(ADMIN_URL, building), NODE_ENV: 'development' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    if (r.status !== 0) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`))
      throw new Error(`Seeding failed (exit ${r.status})`)
    }
    await admin((c) => c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`))
    console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s; template ${template}`)
  }
  const name = `bench_load_${randomBytes(4).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
  return {
    url: withDatabase(ADMIN_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}

export interface RunningServer {
  baseUrl: string
  /** CPU time (user + system, ms) the server's processes — the primary and its workers — have used so far. */
  cpuMs(): number
  /** What the server printed so far. */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts the checkout's production server (what its `pnpm start` runs) on the database, and waits until every worker answers.
 */
export async function startProductionServer(
  appDir: string,
  options: { databaseUrl: string; workers: number; redisUrl?: string; nodeArgs?: string[] },
): Promise<RunningServer> {
  const buildDir = resolve(appDir, process.env.BUILD_DIR || 'build')
  if (!existsSync(join(buildDir, 'server/index.js')))
    throw new Error(`No production build in ${buildDir}: run \`pnpm build\` in ${appDir} first.`)
  // What that checkout's `pnpm start` runs: the compiled cluster entry (ADR 033), else server/cluster.ts or
  // server/index.ts through tsx (older checkouts).
  const compiled = join(buildDir, 'server-node/cluster.js')
  const hasCluster = existsSync(compiled) || existsSync(join(appDir, 'server/cluster.ts'))
  const entryArgs = existsSync(compiled)
    ? [compiled]
    : ['--import', 'tsx', hasCluster ? 'server/cluster.ts' : 'server/index.ts']
  const expectedWorkers = hasCluster ? options.workers : 1
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entryArgs], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      BUILD_DIR: buildDir,
      SESSION_SECRET: 'bench-load-secret-bench-load-secret-0000',
      REDIS_URL: options.redisUrl ?? '',
      WEB_CONCURRENCY: String(options.workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString()
  })
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString()
  })
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const deadline = Date.now() + 180_000
  const banners = () => output.split('is running at').length - 1
  while (banners() < expectedWorkers) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The server did not start in 180 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cpuMs: () => processTreeCpuMs(child.pid as number),
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      // Generous: a worker writing its CPU profile on a busy machine takes a while.
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/**
 * CPU time of a process and its descendants from /proc (Linux), in ms: user + system time is what a request
 * costs the server whatever else the machine is doing, so it is the figure to compare on a busy machine.
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name (which may hold spaces) in parentheses: state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while we read.
    }
  }
  let ticks = 0
  const pending = [rootPid]
  while (pending.length) {
    const pid = pending.pop() as number
    ticks += stats.get(pid)?.ticks ?? 0
    for (const [child, s] of stats) if (s.ppid === pid) pending.push(child)
  }
  return ticks * 10 // USER_HZ is 100 on Linux
}

/** Signs in through the login form like a browser; returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ email, password }).toString(),
  })
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('pdsa_session='))
  if (!cookie)
    throw new Error(`Signing in as ${email} failed: ${res.status} ${(await res.text()).slice(0, 200)}`)
  return cookie
}

/** The git commit of a checkout (for the report), with "+dirty" when it has uncommitted changes. */
export function describeCheckout(appDir: string): string {
  const head = spawnSync('git', ['-C', appDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' })
  const dirty = spawnSync('git', ['-C', appDir, 'status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  })
  const commit = head.status === 0 ? head.stdout.trim() : 'unknown'
  return dirty.stdout?.trim() ? `${commit}+dirty` : commit
}
