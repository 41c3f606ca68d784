// The production topology of compose.yaml without containers (this machine has no Docker daemon): two
// instances of the production build (the compiled server each `pnpm start` worker runs, BUILD_DIR/server-node/index.js) on one
// PostgreSQL database and one Redis, behind a local TLS-terminating proxy (test/utils/tls-proxy.ts,
// what deploy/Caddyfile asks of Caddy), with PUBLIC_URL=https://localhost:<port> and TRUST_PROXY set to
// the proxy's address as the README says. Needs PostgreSQL (TEST_DATABASE_URL), Redis (REDIS_URL) and
// `pnpm build`. (ADR 033)
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { csrfTokenFor, SESSION_COOKIE } from '../../server/auth/session.ts'
import { createWorld, insertCycle, TEST_PASSWORD, type World } from '../factories/index.ts'
import { textOf, typeInto, waitFor } from '../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { freePort } from '../utils/free-port.ts'
import { startSmtpServer, type TestSmtpServer } from '../utils/smtp.ts'
import {
  type Certificate,
  createSelfSignedCertificate,
  PIN_HEADER,
  startTlsProxy,
  type TlsProxy,
} from '../utils/tls-proxy.ts'

const REDIS_URL = process.env.REDIS_URL
const missing = [
  process.env.TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL (PostgreSQL)',
  REDIS_URL ? null : 'REDIS_URL',
].filter(Boolean)
if (missing.length) {
  console.warn(`production-topology: skipped, needs ${missing.join(' and ')} (npm run test:all sets both).`)
}
const BUILD_DIR = process.env.BUILD_DIR || 'build'
const ENTRY = join(BUILD_DIR, 'server-node/index.js')
const SESSION_SECRET = randomBytes(32).toString('hex')

interface Instance {
  id: string
  port: number
  child: ChildProcess
  output: string
  exited: Promise<number | null>
}

let database: TestDatabase
let world: World
let certificate: Certificate
let proxy: TlsProxy
let publicUrl: string
const instances: Instance[] = []
let cookie = ''
let redisPrefix = ''
let smtp: TestSmtpServer

/** One instance as compose.yaml runs it: the production build, its own COLLAB_INSTANCE_ID. */
async function startInstance(id: string, port: number): Promise<Instance> {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url ?? '',
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      SESSION_SECRET,
      PUBLIC_URL: publicUrl,
      // The proxy connects from 127.0.0.1: its address (README, "Behind a proxy").
      TRUST_PROXY: 'loopback',
      COLLAB_INSTANCE_ID: id,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'PDSA Tracker <no-reply@topology.test>',
      LOG_LEVEL: 'info',
      BUILD_DIR,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const instance: Instance = {
    id,
    port,
    child,
    output: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  }
  const collect = (chunk: Buffer) => {
    instance.output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${id} did not start:\n${instance.output}`)), 150_000)
    child.stdout?.on('data', () => {
      if (instance.output.includes('PDSA Tracker is running at')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${id} exited with ${code}:\n${instance.output}`))
    })
  })
  return instance
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
  /** The instance that answered (the proxy's x-test-upstream). */
  instance: number
}

/** An https request through the proxy, trusting only the test's certificate; `pin` picks the instance. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; pin?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.pin !== undefined) headers[PIN_HEADER] = String(options.pin)
    if (cookie && !headers.cookie) headers.cookie = cookie
    const req = httpsRequest(
      `${publicUrl}${path}`,
      { method: options.method ?? 'GET', headers, ca: certificate.cert, agent: false },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            instance: Number(res.headers[PIN_HEADER]),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const trpcQuery = (path: string, input: unknown) =>
  `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`

async function csrfToken(): Promise<string> {
  const token = cookie.split('=')[1] as string
  const { createHash } = await import('node:crypto')
  const session = await database.db.session.findUniqueOrThrow({
    where: { id: createHash('sha256').update(token).digest('hex') },
  })
  return csrfTokenFor({ secret: SESSION_SECRET }, session.csrfSecret)
}

/** A stock y-websocket client over wss:// through the proxy, pinned to one instance, as a signed-in page. */
function connectThroughProxy(cycleId: string, pin: number) {
  const headers = { cookie, [PIN_HEADER]: String(pin) }
  const ca = certificate.cert
  const origin = publicUrl
  const Polyfill = class extends NodeWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers, origin, ca })
    }
  } as unknown as typeof WebSocket
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${publicUrl.replace('https:', 'wss:')}/collab`, cycleId, doc, {
    WebSocketPolyfill: Polyfill,
    disableBc: true,
  })
  return { doc, provider }
}

describe.skipIf(missing.length > 0)(
  `two production instances behind a TLS-terminating proxy${missing.length ? ` — skipped: needs ${missing.join(' and ')}` : ''}`,
  () => {
    const clients: ReturnType<typeof connectThroughProxy>[] = []

    beforeAll(async () => {
      if (!existsSync(ENTRY) || !existsSync(join(BUILD_DIR, 'server/index.js'))) {
        throw new Error(`Run \`pnpm build\` before this test (no ${ENTRY} or ${BUILD_DIR}/server/index.js).`)
      }
      database = await createTestDatabase()
      world = await createWorld(database.db, 'Topology')
      smtp = await startSmtpServer()
      certificate = createSelfSignedCertificate()
      const ports = [await freePort(), await freePort()]
      proxy = await startTlsProxy({
        upstreams: ports.map((port) => ({ host: '127.0.0.1', port })),
        certificate,
        healthIntervalMs: 250,
      })
      publicUrl = proxy.url
      const run = randomBytes(3).toString('hex')
      redisPrefix = `test:topology:${run}:`
      instances.push(
        ...(await Promise.all([
          startInstance(`topo-a-${run}`, ports[0] as number),
          startInstance(`topo-b-${run}`, ports[1] as number),
        ])),
      )
      await waitFor(() => proxy.isHealthy(0) && proxy.isHealthy(1), { timeout: 10_000 })
    }, 180_000)

    afterAll(async () => {
      for (const c of clients) c.provider.destroy()
      for (const instance of instances) {
        if (instance.child.exitCode === null) instance.child.kill('SIGKILL')
      }
      await proxy?.close()
      await smtp?.close()
      await database?.close()
    })

    it('answers /readyz 200 on both instances (database and Redis reachable)', async () => {
      for (const pin of [0, 1]) {
        const res = await send('/readyz', { pin })
        expect(res.instance).toBe(pin)
        expect(res.status).toBe(200)
        expect(JSON.parse(res.body)).toMatchObject({ ready: true, database: 'ok', redis: 'ok' })
      }
    })

    it('signs in over https with a Secure cookie and HSTS; the session works on whichever instance answers', async () => {
      const page = await send('/login', { pin: 0 })
      expect(page.status).toBe(200)
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000')
      expect(page.headers['content-security-policy']).toContain(`wss://localhost:${proxy.port}`)

      const signedIn = await send('/login', {
        method: 'POST',
        pin: 1,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: publicUrl },
        body: new URLSearchParams({
          email: world.users.lead.email,
          password: TEST_PASSWORD,
          redirectTo: '',
        }).toString(),
      })
      expect(signedIn.status, signedIn.body.slice(0, 500)).toBe(302)
      const setCookie = (signedIn.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      expect(setCookie).toMatch(/; Secure/i)
      expect(setCookie).toMatch(/; HttpOnly/i)
      cookie = (setCookie as string).split(';')[0] as string

      // Round robin: consecutive requests alternate between the instances; each knows the session.
      const answers = await Promise.all(
        [0, 1, 2, 3].map(() => send(trpcQuery('comment.list', { cycleId: world.cycle.id }))),
      )
      expect(new Set(answers.map((a) => a.instance))).toEqual(new Set([0, 1]))
      for (const a of answers) expect(a.status, a.body.slice(0, 300)).toBe(200)
      const signedOut = await send(trpcQuery('comment.list', { cycleId: world.cycle.id }), {
        headers: { cookie: `${SESSION_COOKIE}=not-a-session` },
      })
      expect(signedOut.status).toBe(401)
    })

    it('accepts a mutation with the https Origin and CSRF token; what one instance writes the other reads', async () => {
      const csrf = await csrfToken()
      const create = (headers: Record<string, string>) =>
        send('/api/trpc/comment.create', {
          method: 'POST',
          pin: 0,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({
            json: { cycleId: world.cycle.id, body: `Through the proxy ${csrf.slice(0, 6)}` },
          }),
        })
      const refusedOrigin = await create({ origin: 'https://evil.example', 'x-csrf-token': csrf })
      expect(refusedOrigin.status).toBe(403)
      const refusedToken = await create({ origin: publicUrl })
      expect(refusedToken.status).toBe(403)
      const created = await create({ origin: publicUrl, 'x-csrf-token': csrf })
      expect(created.status, created.body.slice(0, 300)).toBe(200)
      expect(created.instance).toBe(0)

      const read = await send(trpcQuery('comment.list', { cycleId: world.cycle.id }), { pin: 1 })
      expect(read.instance).toBe(1)
      expect(read.body).toContain(`Through the proxy ${csrf.slice(0, 6)}`)
    })

    it('two stock y-websocket clients over wss://, one on each instance, converge; each edit is stored once', async () => {
      const cycle = await insertCycle(database.db, {
        districtId: world.district.id,
        schoolId: world.schoolA.id,
        teamId: world.teamA.id,
        title: 'Co-edited through the proxy',
      })
      const a = connectThroughProxy(cycle.id, 0)
      const b = connectThroughProxy(cycle.id, 1)
      clients.push(a, b)
      await waitFor(() => a.provider.synced && b.provider.synced, { timeout: 15_000 })
      typeInto(a.doc, 'typed on A ')
      await waitFor(() => textOf(b.doc) === 'typed on A ', { timeout: 10_000 })
      typeInto(b.doc, 'typed on B')
      await waitFor(() => textOf(a.doc) === 'typed on A typed on B', { timeout: 10_000 })

      // The text mirror is written after the log rows: by then any second copy would be stored too.
      await waitFor(
        async () =>
          (await database.db.pdsaCycle.findUniqueOrThrow({ where: { id: cycle.id } })).objectiveText ===
          'typed on A typed on B',
        { timeout: 15_000 },
      )
      const rows = await database.db.yUpdate.findMany({
        where: { cycleId: cycle.id },
        select: { instanceId: true, userId: true },
      })
      expect(rows.map((r) => r.instanceId).sort()).toEqual([instances[0]?.id, instances[1]?.id].sort())
      expect(rows.every((r) => r.userId === world.users.lead.id)).toBe(true)
    })

    it('SIGTERM to one instance: the other keeps serving through the proxy, nothing fails for a retrying client, exit 0', async () => {
      const [a, b] = clients as [
        ReturnType<typeof connectThroughProxy>,
        ReturnType<typeof connectThroughProxy>,
      ]
      const stopping = instances[1] as Instance
      const failures: string[] = []
      let retried = 0
      let done = false
      let answered = 0
      // A client as the README describes: an answer 502/503 (or a dropped connection) is retried.
      const client = async () => {
        while (!done) {
          let ok = false
          for (let attempt = 0; attempt < 5 && !ok; attempt++) {
            if (attempt > 0) {
              retried++
              await new Promise((r) => setTimeout(r, 200))
            }
            const res = await send(trpcQuery('comment.list', { cycleId: world.cycle.id })).catch(
              (error: Error) => ({ status: 0, body: error.message }),
            )
            ok = res.status === 200
            if (!ok && ![0, 502, 503].includes(res.status)) break
            if (!ok && attempt === 4) failures.push(`${res.status} ${res.body.slice(0, 200)}`)
          }
          if (ok) answered++
        }
      }
      const loops = [client(), client(), client()]
      await waitFor(() => answered >= 6, { timeout: 10_000 })
      const started = performance.now()
      stopping.child.kill('SIGTERM')
      const code = await stopping.exited
      const stoppedMs = performance.now() - started
      const answeredAtExit = answered
      // The survivor keeps serving: 2 s more of the same load, through the proxy's health check rounds.
      await new Promise((r) => setTimeout(r, 2_000))
      await waitFor(() => answered >= answeredAtExit + 10, { timeout: 10_000 })
      done = true
      await Promise.all(loops)

      expect(code, stopping.output.slice(-3000)).toBe(0)
      expect(stopping.output).toContain('Shut down cleanly.')
      expect(stoppedMs).toBeLessThan(15_000)
      expect(failures).toEqual([])
      expect((await send('/readyz')).instance).toBe(0)
      console.info(
        `SIGTERM: exit 0 after ${Math.round(stoppedMs)} ms; ${answered} answers, ${retried} client retries,` +
          ` ${proxy.retried} refused connections sent to the other instance, ${proxy.badGateway} answers 502`,
      )

      // The client whose instance stopped reconnects through the proxy to the other one and goes on.
      typeInto(b.doc, ' after the restart')
      await waitFor(() => textOf(a.doc) === 'typed on A typed on B after the restart', { timeout: 20_000 })
    })

    it('emails each notification once, with both instances running and one killed and restarted mid-way', async () => {
      // The instance stopped above comes back (a rolling deploy).
      const [first, second] = instances as [Instance, Instance]
      instances[1] = await startInstance(second.id, second.port)
      await waitFor(() => proxy.isHealthy(1), { timeout: 10_000 })
      await database.db.notificationPreference.create({
        data: { userId: world.users.member.id, category: 'mention', delivery: 'email_immediately' },
      })
      const csrf = await csrfToken()
      const mention = async (i: number, pin: number) => {
        const res = await send('/api/trpc/comment.create', {
          method: 'POST',
          pin,
          headers: { 'content-type': 'application/json', origin: publicUrl, 'x-csrf-token': csrf },
          body: JSON.stringify({
            json: { cycleId: world.cycle.id, body: `@${world.users.member.name} topology note ${i}` },
          }),
        })
        expect(res.status, res.body.slice(0, 300)).toBe(200)
      }
      const mailed = () =>
        smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text === world.users.member.email)
      // Both instances write; each wakes the shared email job.
      for (let i = 0; i < 6; i++) await mention(i, i % 2)
      await waitFor(() => mailed().length >= 1, { timeout: 30_000 })
      // Instance A dies in the middle (its job or its email round may be half done) and restarts.
      first.child.kill('SIGKILL')
      await first.exited
      for (let i = 6; i < 10; i++) await mention(i, 1)
      instances[0] = await startInstance(first.id, first.port)
      await waitFor(() => proxy.isHealthy(0), { timeout: 10_000 })
      for (let i = 10; i < 12; i++) await mention(i, 0)
      // A message A had claimed when it died is taken over when its lease (60 s) runs out.
      await waitFor(() => mailed().length >= 12, { timeout: 120_000 })
      await new Promise((r) => setTimeout(r, 3_000))
      const notes = mailed().map((m) => /topology note (\d+)/.exec(m.text ?? '')?.[1])
      expect(notes.map(Number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i))
      // Every email carries its one-click unsubscribe, to the public https address.
      for (const m of mailed()) {
        const line = m.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? ''
        expect(line.replace(/\r?\n[ \t]+/g, ' ')).toContain(`<${publicUrl}/unsubscribe?token=`)
      }
    }, 240_000)
  },
)
