// The HTTP boundary of the API (server/app.ts, no pages): the body-size and batch limits, text no column
// can hold, unexpected failures that must not show their internals, and the two CSRF defences for
// mutations (the request's Origin, and the session's token) — each refusal clear and writing nothing.
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  API_MAX_BATCH_CALLS,
  API_MAX_BODY_BYTES,
  batchTooLargeMessage,
  IMPORT_MAX_BODY_BYTES,
  requestTooLargeMessage,
  UNSTORABLE_TEXT_MESSAGE,
} from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import {
  createSession,
  resolveSession,
  SESSION_COOKIE,
  type SessionConfig,
} from '../../server/auth/session.ts'
import { type AppServices, defaultAppServices } from '../../server/trpc/context.ts'
import { createWorld, type World } from '../factories/index.ts'
import { allowConsoleError } from '../setup/setup-test-env.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

const session: SessionConfig = { ttlHours: 1, secret: 'h'.repeat(40), secureCookies: false }
let database: TestDatabase
let world: World
let server: Server
let baseUrl: string
let cookie: string
let csrfToken: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Boundary')
  ;({ server, baseUrl } = await startServer(defaultAppServices))
  const { token } = await createSession(database.db, session, world.users.lead.id, {
    ip: '127.0.0.1',
    userAgent: 'test',
  })
  cookie = `${SESSION_COOKIE}=${token}`
  const resolved = await resolveSession(database.db, session, token)
  csrfToken = resolved?.csrfToken ?? ''
}, 120_000)
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await database.close()
})

async function startServer(services: AppServices) {
  const app = createApp({
    db: database.db,
    session,
    limiter: createSignInLimiter(),
    services,
    allowedOrigins: [],
    build: async () => {
      throw new Error('This test requests no pages.')
    },
    mode: 'test',
  })
  const started = createServer(app)
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve))
  return { server: started, baseUrl: `http://127.0.0.1:${(started.address() as AddressInfo).port}` }
}

/** A tRPC query over HTTP as the team lead; `batch` sends `paths` as one batched request. */
function query(paths: string[], inputs: unknown[] = [], url = baseUrl) {
  const batch = paths.length > 1
  const input = batch
    ? Object.fromEntries(inputs.map((i, n) => [n, { json: i }]))
    : inputs[0] === undefined
      ? undefined
      : { json: inputs[0] }
  const params = new URLSearchParams({
    ...(batch ? { batch: '1' } : {}),
    ...(input ? { input: JSON.stringify(input) } : {}),
  })
  return fetch(`${url}/api/trpc/${paths.join(',')}?${params}`, { headers: { cookie } })
}

/**
 * A large POST as the team lead that reads the answer even when the server answers (413) and closes the
 * connection before the whole body was sent — where fetch would report only ECONNRESET.
 */
function postLarge(path: string, body: string | Uint8Array): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/trpc/${path}`, {
      method: 'POST',
      headers: { cookie, origin: baseUrl, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve(new Response(new Uint8Array(Buffer.concat(chunks)), { status: res.statusCode ?? 0 })),
      )
      res.on('error', reject)
    })
    // Writing after the server stopped reading fails; the answer above is what counts.
    req.on('error', (error) => setTimeout(() => reject(error), 2000))
    req.end(body)
  })
}

/** The error message(s) of a tRPC answer, batched or not. */
async function messagesOf(res: Response): Promise<string[]> {
  const body = (await res.json()) as unknown
  const items = Array.isArray(body) ? body : [body]
  return items.map((i) => (i as { error?: { json: { message: string } } }).error?.json.message ?? 'ok')
}

/** A tRPC mutation over HTTP as the team lead (superjson's `{ json }` envelope). */
function mutate(path: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: {
      cookie,
      origin: baseUrl,
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
      ...headers,
    },
    body,
  })
}

const commentInput = (body: string) =>
  JSON.stringify({ json: { cycleId: world.cycle.id, body, requiresResponse: false } })

const commentCount = () => database.db.comment.count({ where: { cycleId: world.cycle.id } })

describe('the API over HTTP', () => {
  it('accepts a well-formed mutation from the app itself', async () => {
    const before = await commentCount()
    const res = await mutate('comment.create', commentInput('Which families did we reach?'))
    expect(res.status).toBe(200)
    expect(await commentCount()).toBe(before + 1)
  })

  it('refuses an import upload over its limit with 413 and a clear message, and writes nothing', async () => {
    const before = await database.db.observation.count()
    const prefix = Buffer.from(
      '{"json":{"fileName":"huge.csv","mode":"all","uploadId":"boundary-1","contentBase64":"',
    )
    const body = Buffer.alloc(IMPORT_MAX_BODY_BYTES + 1024, 'A')
    prefix.copy(body)
    const res = await postLarge('data.commitImport', new Uint8Array(body))
    expect(res.status).toBe(413)
    expect(await messagesOf(res)).toEqual([requestTooLargeMessage()])
    expect(await database.db.observation.count()).toBe(before)
  })

  it('takes an import upload above the limit of other requests, sent on its own', async () => {
    // Unknown keys are dropped by the schema: the padding only makes the body larger than 4 MB.
    const body = JSON.stringify({
      json: { fileName: 'empty.csv', contentBase64: '', padding: 'A'.repeat(API_MAX_BODY_BYTES + 1024) },
    })
    const res = await mutate('data.previewImport', body)
    expect(res.status).not.toBe(413)
    expect(res.status).toBeLessThan(500)
  })

  it('refuses any other request over 4 MB with 413 — an import batched with other calls too', async () => {
    const before = await commentCount()
    const big = 'x'.repeat(API_MAX_BODY_BYTES + 1024)
    const res = await postLarge('comment.create', commentInput(big))
    expect(res.status).toBe(413)
    expect(await messagesOf(res)).toEqual([requestTooLargeMessage()])
    const batched = await postLarge(
      'data.previewImport,data.previewImport?batch=1',
      JSON.stringify({
        0: { json: { fileName: 'a.csv', contentBase64: 'QQ'.repeat(API_MAX_BODY_BYTES / 2) } },
      }),
    )
    expect(batched.status).toBe(413)
    expect(await commentCount()).toBe(before)
  })

  it(`runs a batch of ${API_MAX_BATCH_CALLS} calls, and refuses a larger one with 400 and a clear message`, async () => {
    const paths = Array.from({ length: API_MAX_BATCH_CALLS }, () => 'auth.me')
    const ok = await query(paths)
    expect(ok.status).toBe(200)
    expect(await messagesOf(ok)).toEqual(paths.map(() => 'ok'))
    const tooMany = await query([...paths, 'district.alignment'])
    expect(tooMany.status).toBe(400)
    expect(new Set(await messagesOf(tooMany))).toEqual(new Set([batchTooLargeMessage()]))
  })

  it('refuses a NUL character or half an emoji in text with 400 and says why (search.cycles)', async () => {
    for (const q of ['attendance\\u0000', 'attendance \\ud83d']) {
      const res = await fetch(
        `${baseUrl}/api/trpc/search.cycles?input=${encodeURIComponent(`{"json":{"q":"${q}"}}`)}`,
        { headers: { cookie } },
      )
      expect(res.status, q).toBe(400)
      const [message] = await messagesOf(res)
      expect(message).toBe(`q: ${UNSTORABLE_TEXT_MESSAGE}`)
    }
  })

  it('answers an unexpected failure with a generic message and an error id, and logs the details under it', async () => {
    allowConsoleError()
    const logged: unknown[][] = []
    ;(
      console.error as unknown as { mockImplementation: (f: (...a: unknown[]) => void) => void }
    ).mockImplementation((...args: unknown[]) => {
      logged.push(args)
    })
    const internals = 'Invalid `prisma.$queryRaw()` invocation: Raw query failed. Code: `22021`.'
    const failing = await startServer({
      now: () => {
        throw new Error(internals)
      },
    })
    try {
      const res = await fetch(`${failing.baseUrl}/api/trpc/coach.portfolio`, { headers: { cookie } })
      expect(res.status).toBe(500)
      const text = await res.text()
      expect(text).not.toMatch(/prisma|queryRaw|22021|\n\s+at /i)
      const error = (JSON.parse(text) as { error: { json: { message: string; data: { errorId: string } } } })
        .error.json
      expect(error.data.errorId).toMatch(/^[0-9a-f]{12}$/)
      expect(error.message).toContain(`error id ${error.data.errorId}`)
      const line = logged.find((args) => String(args[0]).includes(error.data.errorId))
      expect(line?.map(String).join(' ')).toContain('22021')
    } finally {
      await new Promise<void>((resolve) => failing.server.close(() => resolve()))
    }
  })

  it('refuses a mutation from another site (Origin) with 403, and writes nothing', async () => {
    const before = await commentCount()
    const res = await mutate('comment.create', commentInput('From elsewhere'), {
      origin: 'https://evil.example',
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('Cross-site request refused')
    expect(await commentCount()).toBe(before)
  })

  it('refuses a mutation without the session’s CSRF token with 403, and writes nothing', async () => {
    const before = await commentCount()
    const res = await mutate('comment.create', commentInput('No token'), { 'x-csrf-token': 'wrong' })
    expect(res.status).toBe(403)
    expect(await commentCount()).toBe(before)
  })
})

describe('static answers', () => {
  it('sends /favicon.ico to the SVG icon', async () => {
    const res = await fetch(`${baseUrl}/favicon.ico`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/favicon.svg')
  })
})
