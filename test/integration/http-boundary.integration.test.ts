// The HTTP boundary of the API (server/app.ts, no pages): the body-size limit, and the two CSRF defences
// for mutations (the request's Origin, and the session's token) — each refusal clear and writing nothing.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { API_MAX_BODY_BYTES } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import {
  createSession,
  resolveSession,
  SESSION_COOKIE,
  type SessionConfig,
} from '../../server/auth/session.ts'
import { defaultAppServices } from '../../server/trpc/context.ts'
import { createWorld, type World } from '../factories/index.ts'
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
  const app = createApp({
    db: database.db,
    session,
    limiter: createSignInLimiter(),
    services: defaultAppServices,
    allowedOrigins: [],
    build: async () => {
      throw new Error('This test requests no pages.')
    },
    mode: 'test',
  })
  server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { token } = await createSession(database.db, session, world.users.lead.id, {
    ip: '127.0.0.1',
    userAgent: 'test',
  })
  cookie = `${SESSION_COOKIE}=${token}`
  const resolved = await resolveSession(database.db, session, token)
  csrfToken = resolved?.csrfToken ?? ''
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await database.close()
})

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

  it('refuses a body over the limit with 413 and a clear message, and writes nothing', async () => {
    const before = await database.db.observation.count()
    const prefix = Buffer.from(
      '{"json":{"fileName":"huge.csv","mode":"all","uploadId":"boundary-1","contentBase64":"',
    )
    const body = Buffer.alloc(API_MAX_BODY_BYTES + 1024, 'A')
    prefix.copy(body)
    const res = await mutate('data.commitImport', new Uint8Array(body))
    expect(res.status).toBe(413)
    const payload = (await res.json()) as { error: { json: { message: string } } }
    expect(payload.error.json.message).toMatch(
      /^The request is larger than \d+ MB, the most the server accepts/,
    )
    expect(await database.db.observation.count()).toBe(before)
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
