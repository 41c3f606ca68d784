// Operations endpoints over HTTP (server/ops): /metrics is off without METRICS_TOKEN and needs the
// bearer token with it; it reports requests by route pattern, tRPC procedures and their errors, the
// collaboration server (sockets, documents, group commit, Redis fan-out lag) and the database pool;
// /readyz answers 503 when the database or Redis cannot be reached, or while shutting down.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import { SESSION_COOKIE } from '../../server/auth/session.ts'
import { openDatabase } from '../../server/db/client.ts'
import { collabObserver, registerCollabServer, registerDatabasePool } from '../../server/ops/metrics.ts'
import { type OpsOptions, readiness } from '../../server/ops/routes.ts'
import { defaultAppServices } from '../../server/trpc/context.ts'
import { createWorld, type World } from '../factories/index.ts'
import {
  connectDoc,
  cookieFor,
  type StartedCollabServer,
  startCollabServer,
  TEST_SESSION,
  waitFor,
} from '../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const TOKEN = `metrics-${randomUUID()}`
let database: TestDatabase
let world: World
let redis: Redis
const servers: Server[] = []
const collabs: StartedCollabServer[] = []

async function serve(ops: OpsOptions | undefined): Promise<string> {
  const app = createApp({
    db: database.db,
    session: TEST_SESSION,
    limiter: createSignInLimiter(),
    services: defaultAppServices,
    allowedOrigins: [],
    build: async () => {
      throw new Error('This test requests no pages.')
    },
    mode: 'test',
    ...(ops ? { ops } : {}),
  })
  const server = createServer(app)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

let baseUrl: string
beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Ops')
  redis = new Redis(REDIS_URL)
  baseUrl = await serve({ db: database.db, redis: [redis], metricsToken: TOKEN })
})

afterAll(async () => {
  for (const c of collabs) await c.close()
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()))
  redis?.disconnect()
  await database?.close()
})

const scrape = async () => {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/plain')
  return res.text()
}

/** The value of one sample line (`name{labels} value`), or null. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3])
  }
  return null
}

describe('/metrics', () => {
  it('is off (404) without METRICS_TOKEN and refuses a missing or wrong token (401)', async () => {
    const off = await serve({ db: database.db })
    expect((await fetch(`${off}/metrics`)).status).toBe(404)
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(401)
    const wrong = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer')
  })

  it('times requests by route pattern and tRPC procedures with their errors', async () => {
    const cookie = await cookieFor(database.db, world.users.lead.id)
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true)
    const byId = (id: string) =>
      fetch(`${baseUrl}/api/trpc/cycle.byId?input=${encodeURIComponent(JSON.stringify({ json: { id } }))}`, {
        headers: { cookie },
      })
    expect((await byId(world.cycle.id)).status).toBe(200)
    const missing = randomUUID()
    expect((await byId(missing)).status).toBe(404)
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200)
    const text = await scrape()
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: '/api/trpc', status: '200' }),
    ).toBeGreaterThan(0)
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: '/api/trpc', status: '404' }),
    ).toBeGreaterThan(0)
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: '/healthz', method: 'GET' }),
    ).toBeGreaterThan(0)
    expect(
      sample(text, 'trpc_procedure_duration_seconds_count', {
        procedure: 'cycle.byId',
        type: 'query',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0)
    expect(
      sample(text, 'trpc_procedure_errors_total', { procedure: 'cycle.byId', code: 'NOT_FOUND' }),
    ).toBeGreaterThan(0)
    // No raw URL, id or session in any label.
    expect(text).not.toContain(world.cycle.id)
    expect(text).not.toContain(missing)
    expect(text).not.toContain(cookie.split('=')[1] as string)
  })

  it('reports collaboration sockets, open documents, group-commit latency and Redis fan-out lag', async () => {
    const prefix = `test:ops:${randomUUID().slice(0, 8)}:`
    for (const name of ['one', 'two']) {
      const started = await startCollabServer(database.db, {
        instanceId: `${name}-${randomUUID().slice(0, 6)}`,
        redisUrl: REDIS_URL,
        redisPrefix: prefix,
        observer: collabObserver,
      })
      collabs.push(started)
      registerCollabServer(started.collab)
    }
    const [one, two] = collabs as [StartedCollabServer, StartedCollabServer]
    const cookie = await cookieFor(database.db, world.users.lead.id)
    const a = connectDoc(one, world.cycle.id, cookie)
    const b = connectDoc(two, world.cycle.id, cookie)
    try {
      await waitFor(() => a.provider.synced && b.provider.synced)
      a.type('measured')
      await waitFor(() => b.text().endsWith('measured'))
      await one.collab.flush()
      const text = await scrape()
      expect(sample(text, 'collab_connections')).toBe(2)
      expect(sample(text, 'collab_documents_open')).toBe(2)
      expect(sample(text, 'collab_group_commit_seconds_count')).toBeGreaterThan(0)
      expect(sample(text, 'collab_group_commit_rows_total')).toBeGreaterThan(0)
      expect(sample(text, 'collab_redis_fanout_lag_seconds_count')).toBeGreaterThan(0)
    } finally {
      a.destroy()
      b.destroy()
    }
  })

  it('reports the PostgreSQL pool (PostgreSQL only: PGlite has none)', async () => {
    if (inject('testDatabase').kind !== 'postgres') return
    const pooled = await openDatabase({ kind: 'postgres', url: database.url as string })
    const unregister = registerDatabasePool(pooled.pool as NonNullable<typeof pooled.pool>)
    try {
      await pooled.db.$queryRaw`SELECT 1`
      const text = await scrape()
      expect(sample(text, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0)
      expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0)
    } finally {
      unregister()
      await pooled.close()
    }
  })
})

describe('/readyz', () => {
  it('answers 200 when the database and Redis answer', async () => {
    const res = await fetch(`${baseUrl}/readyz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ready: true, database: 'ok', redis: 'ok', draining: false })
  })

  it('answers 503 when Redis is unreachable', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    down.on('error', () => undefined)
    const url = await serve({ db: database.db, redis: [down], readinessTimeoutMs: 1_000 })
    const res = await fetch(`${url}/readyz`)
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ ready: false, database: 'ok', redis: 'unreachable' })
    down.disconnect()
  })

  it('answers 503 when the database is unreachable, and while shutting down', async () => {
    const nowhere = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' })
    try {
      const result = await readiness({ db: nowhere.db, readinessTimeoutMs: 2_000 })
      expect(result).toMatchObject({ ready: false, database: 'unreachable', redis: 'not configured' })
    } finally {
      await nowhere.close().catch(() => undefined)
    }
    let draining = false
    const url = await serve({ db: database.db, isDraining: () => draining })
    expect((await fetch(`${url}/readyz`)).status).toBe(200)
    draining = true
    expect((await fetch(`${url}/readyz`)).status).toBe(503)
  })
})
