// `pnpm bench:collab` (only: it takes 10–20 minutes, so `pnpm bench` does not run it): OURS (relay, and durable = the product configuration) against Hocuspocus 4 and
// the reference @y/websocket-server 0.1.1, on this machine, loopback only. Each server runs in its own
// process (memory measured there, after gc); the clients run here. Every scenario is bounded in time.
//   pnpm bench:collab                     all systems, all scenarios (10–20 minutes on 2 cores)
//   pnpm bench:collab --quick             shorter runs
//   pnpm bench:collab --systems=ours,hocuspocus
import { type ChildProcess, fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import type { Target } from './clients.ts'
import type { ServerReady, ServerStats } from './ipc.ts'
import { fanOut, type LatencyResult, manyDocuments, memory, sustainedRate } from './scenarios.ts'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args
  .find((a) => a.startsWith('--systems='))
  ?.slice('--systems='.length)
  .split(',')
/** `--scenarios=fanout,many,sustained,memory` runs a subset (the table shows — for the rest). */
const scenarios = args
  .find((a) => a.startsWith('--scenarios='))
  ?.slice('--scenarios='.length)
  .split(',')
const wants = (s: string) => !scenarios || scenarios.includes(s)
const DURATION = quick ? 3_000 : 8_000
const STEP = quick ? 2_000 : 3_000
const MANY = 200

interface System {
  id: string
  label: string
  kind: Target['kind']
  launcher: string
  env?: Record<string, string>
}

const ALL_SYSTEMS: System[] = [
  {
    id: 'ours',
    label: 'OURS (relay)',
    kind: 'ours',
    launcher: 'launch-ours.ts',
    env: { BENCH_MODE: 'relay' },
  },
  {
    id: 'ours-durable',
    label: 'OURS (durable)',
    kind: 'ours',
    launcher: 'launch-ours.ts',
    env: { BENCH_MODE: 'durable', BENCH_DOCUMENTS: String(2 * MANY + 10) },
  },
  { id: 'hocuspocus', label: 'Hocuspocus 4.7', kind: 'hocuspocus', launcher: 'launch-hocuspocus.ts' },
  { id: 'yws', label: 'y-ws-server 0.1.1', kind: 'yws', launcher: 'launch-yws.ts' },
]
const SYSTEMS = ALL_SYSTEMS.filter((s) => !only || only.includes(s.id))

interface Results {
  fanOut: Record<number, LatencyResult>
  many: LatencyResult
  memory: Awaited<ReturnType<typeof memory>>
  sustained: Awaited<ReturnType<typeof sustainedRate>>
}

const NO_LATENCY: LatencyResult = {
  p50: Number.NaN,
  p99: Number.NaN,
  samples: 0,
  missing: 0,
  updatesPerSecond: 0,
}
const NO_RATE = { sustained: Number.NaN, steps: [] }
const NO_MEMORY = {
  perDocumentHeap: Number.NaN,
  perDocumentRss: Number.NaN,
  perConnectionHeap: Number.NaN,
  perConnectionRss: Number.NaN,
}

function start(system: System): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(resolve(import.meta.dirname, system.launcher), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...system.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${system.label} did not start`)), 120_000)
    child.once('exit', (code) => fail(new Error(`${system.label} exited (${code})`)))
    child.on('message', (m: { type?: string }) => {
      if (m.type !== 'ready') return
      clearTimeout(timer)
      ready({ child, ready: m as ServerReady })
    })
  })
}

function stats(child: ChildProcess): Promise<ServerStats> {
  return new Promise((ok) => {
    const listener = (m: { type?: string }) => {
      if (m.type !== 'stats') return
      child.off('message', listener)
      ok(m as ServerStats)
    }
    child.on('message', listener)
    child.send({ type: 'stats' })
  })
}

async function run(system: System): Promise<Results> {
  const { child, ready } = await start(system)
  const target: Target = {
    kind: system.kind,
    port: ready.port,
    ...(ready.cookie ? { cookie: ready.cookie } : {}),
    ...(ready.origin ? { origin: ready.origin } : {}),
  }
  const pool = ready.documents.length ? [...ready.documents] : []
  const doc = () => pool.shift() ?? randomUUID()
  const docs = (n: number) => Array.from({ length: n }, doc)
  try {
    const results: Results = { fanOut: {}, many: NO_LATENCY, sustained: NO_RATE, memory: NO_MEMORY }
    if (wants('fanout')) {
      for (const n of [2, 20, 50]) {
        const r = await fanOut(target, doc(), n, DURATION)
        results.fanOut[n] = r
        log(system, `S1 ${n} clients`, r)
      }
    }
    if (wants('many')) {
      results.many = await manyDocuments(target, docs(MANY), DURATION)
      log(system, `S2 ${MANY} docs × 2`, results.many)
    }
    if (wants('sustained')) {
      results.sustained = await sustainedRate(target, doc(), STEP)
      const steps = results.sustained.steps.map((s) => `${s.offered}/s p99 ${ms(s.result.p99)}`).join(', ')
      console.info(`  ${system.label}: sustained ${results.sustained.sustained} updates/s (${steps})`)
    }
    if (wants('memory')) {
      results.memory = await memory(target, docs(MANY), doc(), async () => {
        const s = await stats(child)
        return { heap: s.heapUsed + s.external, rss: s.rss }
      })
      console.info(
        `  ${system.label}: ${kb(results.memory.perDocumentHeap)} KB heap per loaded document (with its idle client)`,
      )
    }
    return results
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    if (child.exitCode === null) child.kill('SIGKILL')
  }
}

const kb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '—')
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—')
function log(system: System, what: string, r: LatencyResult) {
  console.info(
    `  ${system.label}: ${what}: p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms (${r.samples} deliveries, ${r.missing} missing)`,
  )
}

function table(results: Map<string, Results>) {
  const ids = [...results.keys()]
  const label = (id: string) => SYSTEMS.find((s) => s.id === id)?.label ?? id
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '—'
  const rows: [string, (r: Results) => number, (v: number) => string][] = [
    ['S1 2 clients p50 (ms)', (r) => r.fanOut[2]?.p50 ?? Number.NaN, ms],
    ['S1 2 clients p99 (ms)', (r) => r.fanOut[2]?.p99 ?? Number.NaN, ms],
    ['S1 20 clients p50 (ms)', (r) => r.fanOut[20]?.p50 ?? Number.NaN, ms],
    ['S1 20 clients p99 (ms)', (r) => r.fanOut[20]?.p99 ?? Number.NaN, ms],
    ['S1 50 clients p50 (ms)', (r) => r.fanOut[50]?.p50 ?? Number.NaN, ms],
    ['S1 50 clients p99 (ms)', (r) => r.fanOut[50]?.p99 ?? Number.NaN, ms],
    [`S2 ${MANY} docs × 2 p50 (ms)`, (r) => r.many.p50, ms],
    [`S2 ${MANY} docs × 2 p99 (ms)`, (r) => r.many.p99, ms],
    [
      'Sustained updates/s (p99 < 100 ms)',
      (r) => r.sustained.sustained,
      (v) => (Number.isFinite(v) ? String(v) : '—'),
    ],
    ['Memory / loaded doc + client, heap (KB)', (r) => r.memory.perDocumentHeap, kb],
    ['Memory / loaded doc + client, RSS (KB)', (r) => r.memory.perDocumentRss, kb],
    ['Memory / idle connection, heap (KB)', (r) => r.memory.perConnectionHeap, kb],
    [
      'Memory / idle doc without client, heap (KB)',
      (r) => r.memory.perDocumentHeap - r.memory.perConnectionHeap,
      kb,
    ],
  ]
  const header = ['', ...ids.map(label), 'OURS/HP', 'OURS/YWS', 'DURABLE/HP']
  const lines = rows.map(([name, get, fmt]) => {
    const values = ids.map((id) => get(results.get(id) as Results))
    const v = (id: string) => (results.has(id) ? get(results.get(id) as Results) : undefined)
    return [
      name,
      ...values.map(fmt),
      ratio(v('ours'), v('hocuspocus')),
      ratio(v('ours'), v('yws')),
      ratio(v('ours-durable'), v('hocuspocus')),
    ]
  })
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => String(l[i]).length)))
  const fmtLine = (l: string[]) =>
    l.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')
  console.info(`\n${fmtLine(header)}\n${fmtLine(header.map((_, i) => '─'.repeat(widths[i] as number)))}`)
  for (const l of lines) console.info(fmtLine(l))
  console.info(
    '\nRatios: OURS ÷ other (lower is better for latency and memory, higher for throughput). ' +
      'Writers type 5 keystrokes/s (S1, min(N,5) writers) and 2/s (S2); latency is measured from the scheduled keystroke.',
  )
  const ours = results.get('ours')
  const hp = results.get('hocuspocus')
  if (ours) {
    const p99 = ours.fanOut[50]?.p99 ?? Number.NaN
    console.info(`Target p99 < 50 ms with 50 clients: ${ms(p99)} ms ${p99 < 50 ? 'PASS' : 'FAIL'}`)
    const mem = ours.memory.perDocumentHeap - ours.memory.perConnectionHeap
    console.info(
      `Target < 100 KB per idle loaded document: ${kb(mem)} KB ${mem < 100 * 1024 ? 'PASS' : 'FAIL'}`,
    )
    if (hp) {
      const notWorse =
        (ours.fanOut[50]?.p99 ?? Infinity) <= (hp.fanOut[50]?.p99 ?? 0) * 1.1 &&
        ours.memory.perDocumentHeap <= hp.memory.perDocumentHeap * 1.1 &&
        ours.sustained.sustained >= hp.sustained.sustained
      console.info(
        `Target no worse than Hocuspocus (50-client p99, memory, throughput; 10% noise): ${notWorse ? 'PASS' : 'FAIL'}`,
      )
    }
  }
}

// Every y-websocket provider adds a process 'exit' listener; hundreds of clients are expected here.
process.setMaxListeners(0)
console.info(
  `Collaboration benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
)
const results = new Map<string, Results>()
for (const system of SYSTEMS) {
  console.info(`\n${system.label}`)
  results.set(system.id, await run(system))
}
table(results)
process.exit(0)
