// `pnpm bench load`: throughput and latency of the signed-in pages under concurrent load (autocannon), on the
// production build served by the checkout's own `pnpm start` entry on PostgreSQL with the demo district.
//
//   pnpm bench load                                   this checkout (build it first: `pnpm build`)
//   pnpm bench load --app-dir /work/main --app-dir .  before and after in one run (each checkout built)
//   options: --connections 1,10,50  --duration 10  --only cycle,goal  --workers 2  --cpu-prof <dir>
//            --out docs/benchmarks/load.md (appends a section; --no-write to skip)  --reseed  --label <text>
//            --save-html <dir> (each page's HTML, for reading what it weighs)
//
// Pages: the cycle page in each stage, a goal, a measure, the team board and the notifications page (the
// floor: the lightest signed-in page) as the team lead; the coach portfolio as the coach; the alignment audit as the district leader — each at 1, 10 and 50 connections (the
// cycle pages also at 20), plus the same data through /api/trpc at 10 connections for the ratio. Prints req/s,
// p50/p95/p99 latency, HTML bytes (and the inline loader-data scripts) and the 1-minute load average beside each
// run; checks the targets of issue 13. Needs PostgreSQL (TEST_DATABASE_URL) and, for more than one worker, Redis
// (REDIS_URL, default redis://127.0.0.1:6379).

import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { DEMO_PASSWORD, demoEmail } from '@pdsa/demo-district'
import autocannon from 'autocannon'
import pg from 'pg'
import {
  describeCheckout,
  type RunningServer,
  seededDatabase,
  signIn,
  startProductionServer,
} from './utils/load-server.ts'

const { values } = parseArgs({
  options: {
    'app-dir': { type: 'string', multiple: true },
    connections: { type: 'string', default: '1,10,50' },
    duration: { type: 'string', default: '10' },
    only: { type: 'string' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'cpu-prof': { type: 'string' },
    out: { type: 'string', default: 'docs/benchmarks/load.md' },
    'no-write': { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    'save-html': { type: 'string' },
    label: { type: 'string', default: '' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL || 'redis://127.0.0.1:6379' },
  },
})
const appDirs = (values['app-dir'] ?? ['.']).map((d) => resolve(d))
const connectionCounts = values.connections.split(',').map(Number)
const durationS = Number(values.duration)
const workers = Number(values.workers)
const only = values.only?.split(',')

interface Target {
  name: string
  path: string
  user: 'Team lead' | 'Coach' | 'District leader'
  /** The same data through the API (a batched GET of the page's procedures). */
  api?: string
  extraConnections?: number[]
}

interface Point {
  target: string
  connections: number
  reqPerSec: number
  p50: number
  p95: number
  p99: number
  errors: number
  load: [number, number]
  /** Server CPU (all its processes, user + system) per response: what a page costs whatever the load. */
  cpuMsPerReq: number
}

interface PageWeight {
  target: string
  html: number
  gzip: number
  inlineScripts: number
}

function batchedGet(calls: [procedure: string, input: unknown][]): string {
  const input = Object.fromEntries(calls.map(([, i], n) => [String(n), { json: i }]))
  return `/api/trpc/${calls.map(([p]) => p).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`
}

/**
 * The demo district's pages for the benchmark, found in its database — by cycle numbers, titles and measure
 * codes, never by ids alone: ids are random, so two seeded databases (a before/after run) would otherwise
 * measure different cycles and measures (a 15,345-observation measure against a 255-observation one, once).
 */
async function findTargets(databaseUrl: string): Promise<Target[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const one = async (sql: string, params: unknown[]) => {
      const r = await client.query(sql, params)
      if (!r.rows[0]) throw new Error(`Nothing found for ${sql} ${JSON.stringify(params)}`)
      return r.rows[0] as Record<string, string>
    }
    const { teamId } = await one(
      `SELECT m."teamId" FROM "Membership" m JOIN "User" u ON u.id = m."userId"
       WHERE u.email = $1 AND m.role = 'team_lead' ORDER BY m."createdAt" LIMIT 1`,
      [demoEmail('Team lead')],
    )
    const targets: Target[] = []
    for (const stage of ['plan', 'do', 'study', 'act', 'complete']) {
      const r = await client.query(
        `SELECT id FROM "PdsaCycle" WHERE "teamId" = $1 AND stage = $2 ORDER BY "cycleNumber", title, id LIMIT 1`,
        [teamId, stage],
      )
      const id = r.rows[0]?.id as string | undefined
      if (!id) continue
      targets.push({
        name: `cycle (${stage})`,
        path: `/cycles/${id}`,
        user: 'Team lead',
        api: batchedGet([
          ['cycle.byId', { id }],
          ['comment.list', { cycleId: id }],
          ['analytics.cycleVerdicts', { cycleId: id }],
        ]),
        extraConnections: [20],
      })
    }
    const { goalId } = await one(
      `SELECT c."goalId" FROM "PdsaCycle" c WHERE c."teamId" = $1 AND c."goalId" IS NOT NULL
       ORDER BY c."cycleNumber", c.title, c.id LIMIT 1`,
      [teamId],
    )
    targets.push({
      name: 'goal',
      path: `/goals/${goalId}`,
      user: 'Team lead',
      api: batchedGet([
        ['goal.byId', { id: goalId }],
        ['goal.diagram', { id: goalId }],
        ['analytics.goalProgress', { goalId }],
      ]),
    })
    const { measureId } = await one(
      `SELECT cm."measureId" FROM "CycleMeasure" cm JOIN "PdsaCycle" c ON c.id = cm."cycleId"
       JOIN "Measure" m ON m.id = cm."measureId"
       WHERE c."teamId" = $1 ORDER BY c."cycleNumber", c.title, m.code LIMIT 1`,
      [teamId],
    )
    targets.push({
      name: 'measure',
      path: `/measures/${measureId}`,
      user: 'Team lead',
      api: batchedGet([['measure.byId', { id: measureId }]]),
    })
    // The floor: the lightest signed-in page (app shell, session, navigation and a short list). No page can
    // cost less than this, so it bounds what any page can reach on this machine.
    targets.push({
      name: 'floor (notifications)',
      path: '/notifications',
      user: 'Team lead',
    })
    targets.push({
      name: 'team board',
      path: `/teams/${teamId}`,
      user: 'Team lead',
      api: batchedGet([
        ['org.teamById', { id: teamId }],
        ['goal.list', { teamId }],
        ['cycle.board', { teamId }],
      ]),
    })
    targets.push({
      name: 'coach portfolio',
      path: '/coach',
      user: 'Coach',
      api: batchedGet([['coach.portfolio', undefined]]),
    })
    targets.push({
      name: 'alignment audit',
      path: '/district/alignment',
      user: 'District leader',
      api: batchedGet([['district.alignment', undefined]]),
    })
    return targets.filter((t) => !only || only.some((o) => t.name.includes(o)))
  } finally {
    await client.end()
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

/** One autocannon run: every response's latency is kept, so p95 is exact (autocannon reports p97.5). */
async function drive(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  serverCpuMs: () => number = () => 0,
): Promise<Omit<Point, 'target'>> {
  const latencies: number[] = []
  const cpu0 = serverCpuMs()
  let errors = 0
  const load0 = loadavg()[0] as number
  const started = performance.now()
  await new Promise<void>((done, fail) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie, accept: 'text/html' } },
      (error) => (error ? fail(error) : done()),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++
      latencies.push(responseTime)
    })
    instance.on('reqError', () => {
      errors++
    })
  })
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    connections,
    reqPerSec: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    load: [load0, loadavg()[0] as number],
    cpuMsPerReq: latencies.length ? (serverCpuMs() - cpu0) / latencies.length : Number.NaN,
  }
}

async function weigh(baseUrl: string, target: Target, cookie: string): Promise<PageWeight> {
  const res = await fetch(`${baseUrl}${target.path}`, { headers: { cookie } })
  const html = await res.text()
  if (res.status !== 200) throw new Error(`GET ${target.path} → ${res.status}: ${html.slice(0, 300)}`)
  if (values['save-html']) {
    mkdirSync(values['save-html'], { recursive: true })
    writeFileSync(resolve(values['save-html'], `${target.name.replace(/\W+/g, '-')}.html`), html)
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  return {
    target: target.name,
    html: Buffer.byteLength(html),
    gzip: gzipSync(html).length,
    inlineScripts: inline.reduce((n, m) => n + Buffer.byteLength(m[1] ?? ''), 0),
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (v: number) => v.toFixed(v < 10 ? 1 : 0)
const loadText = ([a, b]: [number, number]) => `${a.toFixed(1)}→${b.toFixed(1)}`

interface AppResult {
  appDir: string
  commit: string
  workers: string
  points: Point[]
  api: Point[]
  weights: PageWeight[]
}

async function benchApp(appDir: string): Promise<AppResult> {
  const commit = describeCheckout(appDir)
  console.log(`\n=== ${appDir} (${commit}), WEB_CONCURRENCY=${workers} ===`)
  const database = await seededDatabase(appDir, { reseed: values.reseed })
  let server: RunningServer | undefined
  try {
    const profDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined
    if (profDir) mkdirSync(profDir, { recursive: true })
    server = await startProductionServer(appDir, {
      databaseUrl: database.url,
      workers,
      ...(workers > 1 ? { redisUrl: values['redis-url'] } : {}),
      ...(profDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
    })
    const workerLine = server.output().match(/(\d+) workers?\b[^\n]*/)?.[0]
    const targets = await findTargets(database.url)
    const cookies = new Map<Target['user'], string>()
    for (const user of new Set(targets.map((t) => t.user)))
      cookies.set(user, await signIn(server.baseUrl, demoEmail(user), DEMO_PASSWORD))
    const cookieOf = (t: Target) => cookies.get(t.user) as string

    // Warm-up: every page and API call a few times on every worker (JIT, caches of derived figures).
    const weights: PageWeight[] = []
    for (const t of targets) {
      weights.push(await weigh(server.baseUrl, t, cookieOf(t)))
      await drive(`${server.baseUrl}${t.path}`, cookieOf(t), 4, 2)
      if (t.api) await drive(`${server.baseUrl}${t.api}`, cookieOf(t), 4, 1)
    }
    for (const w of weights)
      console.log(
        `${w.target.padEnd(18)} HTML ${kb(w.html)} (gzip ${kb(w.gzip)}), inline scripts (loader data) ${kb(w.inlineScripts)}`,
      )

    const points: Point[] = []
    const api: Point[] = []
    for (const t of targets) {
      const counts = [...new Set([...connectionCounts, ...(t.extraConnections ?? [])])].sort((a, b) => a - b)
      for (const c of counts) {
        const p = {
          target: t.name,
          ...(await drive(`${server.baseUrl}${t.path}`, cookieOf(t), c, durationS, server.cpuMs)),
        }
        points.push(p)
        console.log(
          `${t.name.padEnd(18)} ${String(c).padStart(3)} conn  ${p.reqPerSec.toFixed(1).padStart(7)} req/s  ` +
            `p50 ${ms(p.p50)} p95 ${ms(p.p95)} p99 ${ms(p.p99)} ms  cpu ${ms(p.cpuMsPerReq)} ms/req  load ${loadText(p.load)}` +
            (p.errors ? `  ${p.errors} ERRORS` : ''),
        )
      }
      if (t.api) {
        const p = {
          target: t.name,
          ...(await drive(`${server.baseUrl}${t.api}`, cookieOf(t), 10, durationS, server.cpuMs)),
        }
        api.push(p)
        console.log(
          `${t.name.padEnd(18)}  10 conn  ${p.reqPerSec.toFixed(1).padStart(7)} req/s  through /api/trpc  ` +
            `p50 ${ms(p.p50)} p99 ${ms(p.p99)} ms  cpu ${ms(p.cpuMsPerReq)} ms/req  load ${loadText(p.load)}` +
            (p.errors ? `  ${p.errors} ERRORS` : ''),
        )
      }
    }
    return {
      appDir,
      commit,
      workers:
        workerLine ??
        (existsSync(resolve(appDir, 'server/cluster.ts')) ? String(workers) : '1 (no server/cluster.ts)'),
      points,
      api,
      weights,
    }
  } finally {
    await server?.stop()
    await database.drop()
  }
}

/** Issue 13's targets, checked on one checkout's figures. */
function checkTargets(r: AppResult): string[] {
  const lines: string[] = []
  const find = (name: string, c: number) =>
    r.points.filter((p) => p.target.startsWith(name) && p.connections === c)
  const check = (label: string, ok: boolean, value: string) =>
    lines.push(`${ok ? 'OK    ' : 'MISSED'} ${label}: ${value}`)
  for (const p of find('cycle', 20))
    check(
      `${p.target} ≥ 150 req/s, p99 < 250 ms at 20 connections`,
      p.reqPerSec >= 150 && p.p99 < 250,
      `${p.reqPerSec.toFixed(1)} req/s, p99 ${ms(p.p99)} ms`,
    )
  for (const name of ['goal', 'measure'])
    for (const p of find(name, 10))
      check(
        `${p.target} ≥ 120 req/s at 10 connections`,
        p.reqPerSec >= 120,
        `${p.reqPerSec.toFixed(1)} req/s`,
      )
  for (const p of find('', 1))
    check(`${p.target} single-request median < 25 ms`, p.p50 < 25, `${ms(p.p50)} ms`)
  for (const p of find('', 50))
    check(`${p.target} p99 < 1 s at 50 connections`, p.p99 < 1000, `${ms(p.p99)} ms`)
  for (const w of r.weights.filter((w) => /^(cycle|goal|measure)/.test(w.target)))
    check(`${w.target} HTML ≤ 80 KB`, w.html <= 80 * 1024, kb(w.html))
  for (const p of r.points.filter((p) => p.target.startsWith('floor') && p.connections === 10)) {
    const cores = availableParallelism()
    lines.push(
      `FLOOR  ${p.target}: ${ms(p.cpuMsPerReq)} ms of server CPU per request at 10 connections, so no signed-in ` +
        `page can exceed ~${Math.round((cores * 1000) / p.cpuMsPerReq)} req/s on ${cores} cores (less the load generator's share)`,
    )
  }
  for (const p of [...r.points, ...r.api].filter((p) => p.errors))
    lines.push(`ERRORS ${p.target} at ${p.connections} connections: ${p.errors} failed requests`)
  return lines
}

function markdown(results: AppResult[]): string {
  const load = loadavg()
  const out: string[] = [
    `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${values.label ? ` — ${values.label}` : ''}`,
    '',
    `\`pnpm bench load ${process.argv.slice(2).join(' ')}\`; ${durationS} s per point; load average at the end ` +
      `${load.map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min). Load average beside each run: 1-minute, start→end.`,
    '',
  ]
  for (const r of results) {
    out.push(`### ${r.appDir} (${r.commit}), workers: ${r.workers}`, '')
    out.push(
      '| page | connections | req/s | p50 / p95 / p99 ms | server CPU ms/req | load |',
      '| --- | --- | --- | --- | --- | --- |',
    )
    for (const p of r.points)
      out.push(
        `| ${p.target} | ${p.connections} | ${p.reqPerSec.toFixed(1)} | ${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} | ${ms(p.cpuMsPerReq)} | ${loadText(p.load)} |`,
      )
    out.push(
      '',
      '| page | HTML (gzip) | inline loader data | /api/trpc req/s at 10 | page ÷ API at 10 |',
      '| --- | --- | --- | --- | --- |',
    )
    for (const w of r.weights) {
      const a = r.api.find((p) => p.target === w.target)
      const page = r.points.find((p) => p.target === w.target && p.connections === 10)
      out.push(
        `| ${w.target} | ${kb(w.html)} (${kb(w.gzip)}) | ${kb(w.inlineScripts)} | ${a ? a.reqPerSec.toFixed(1) : '—'} | ${
          a && page ? (page.reqPerSec / a.reqPerSec).toFixed(2) : '—'
        } |`,
      )
    }
    out.push('', '```', ...checkTargets(r), '```', '')
  }
  if (results.length > 1) {
    const [first, ...rest] = results as [AppResult, ...AppResult[]]
    out.push(`### Ratio against ${first.appDir} (${first.commit}): req/s, same run`, '')
    out.push(
      `| page | connections | ${rest.map((r) => `${r.commit}`).join(' | ')} |`,
      `| --- | --- |${rest.map(() => ' --- |').join('')}`,
    )
    for (const p of first.points)
      out.push(
        `| ${p.target} | ${p.connections} | ${rest
          .map((r) => {
            const q = r.points.find((x) => x.target === p.target && x.connections === p.connections)
            return q ? `${(q.reqPerSec / p.reqPerSec).toFixed(2)}×` : '—'
          })
          .join(' | ')} |`,
      )
    out.push('')
  }
  return out.join('\n')
}

const results: AppResult[] = []
for (const dir of appDirs) results.push(await benchApp(dir))
const report = markdown(results)
console.log(`\n${report}`)
if (!values['no-write']) {
  const out = resolve(values.out)
  if (!existsSync(out))
    writeFileSync(
      out,
      '# Load benchmark (issue 13)\n\n`pnpm bench load` — see bench/load.bench.ts. Newest runs are appended at the end.\n\n',
    )
  appendFileSync(out, `\n${report}`)
  console.log(`Appended to ${out}`)
}
process.exit(0)
