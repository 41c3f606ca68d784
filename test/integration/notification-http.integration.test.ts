// The notification endpoints of the HTTP app (server/app.ts): the live stream needs a session and
// carries the signed-in person's signals; the unsubscribe page works signed out, under the CSP, and a mail
// client's RFC 8058 one-click POST (no Origin, no cookie) applies a valid token.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import { createSession, SESSION_COOKIE, type SessionConfig } from '../../server/auth/session.ts'
import { createInProcessNotificationHub } from '../../server/notifications/hub.ts'
import { signUnsubscribeToken } from '../../server/services/notifications/unsubscribe.ts'
import { defaultAppServices } from '../../server/trpc/context.ts'
import { createWorld, type World } from '../factories/index.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

const session: SessionConfig = { ttlHours: 1, secret: 'n'.repeat(40), secureCookies: false }
const SECRET = 'unsubscribe-secret-for-tests-0123456789'
const hub = createInProcessNotificationHub()
let database: TestDatabase
let world: World
let server: Server
let baseUrl: string
let cookie: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  const app = createApp({
    db: database.db,
    session,
    limiter: createSignInLimiter(),
    services: { ...defaultAppServices, onNotified: (ids) => hub.publish(ids) },
    allowedOrigins: [],
    build: async () => {
      throw new Error('This test requests no pages.')
    },
    mode: 'test',
    contentSecurityPolicy: true,
    notifications: { hub, unsubscribeSecret: SECRET },
  })
  server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { token } = await createSession(database.db, session, world.users.lead.id, {
    ip: '127.0.0.1',
    userAgent: 'test',
  })
  cookie = `${SESSION_COOKIE}=${token}`
}, 120_000)
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await database.close()
})

describe('GET /api/notifications/stream', () => {
  it('is refused without a session', async () => {
    const response = await fetch(`${baseUrl}/api/notifications/stream`)
    expect(response.status).toBe(401)
  })

  it('streams the signed-in person’s signals, not another person’s', async () => {
    const controller = new AbortController()
    const response = await fetch(`${baseUrl}/api/notifications/stream`, {
      headers: { cookie },
      signal: controller.signal,
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    expect(response.headers.get('cache-control')).toContain('no-store')
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    const until = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value)
    }
    await until('retry: 5000')
    await new Promise((r) => setTimeout(r, 50))
    hub.publish([world.users.member.id])
    hub.publish([world.users.lead.id])
    await until('event: notification')
    expect(text.match(/event: notification/g)).toHaveLength(1)
    controller.abort()
  })
})

describe('/unsubscribe', () => {
  const tokenFor = (category: 'mention' | 'cycle_stage') =>
    signUnsubscribeToken(SECRET, world.users.member.id, category)
  const delivery = async (category: 'mention' | 'cycle_stage') =>
    (
      await database.db.notificationPreference.findUnique({
        where: { userId_category: { userId: world.users.member.id, category } },
      })
    )?.delivery ?? null

  it('GET confirms what the link does, changes nothing, and needs no script or inline style', async () => {
    const response = await fetch(`${baseUrl}/unsubscribe?token=${encodeURIComponent(tokenFor('mention'))}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Stop emails about “Mentions”?')
    expect(html).toContain('<form method="post"')
    expect(html).not.toMatch(/<script|style=/)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await delivery('mention')).toBeNull()
  })

  it('a mail client’s one-click POST (no Origin, no cookie) applies it', async () => {
    const response = await fetch(`${baseUrl}/unsubscribe?token=${encodeURIComponent(tokenFor('mention'))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(response.status).toBe(200)
    expect(await delivery('mention')).toBe('in_app')
  })

  it('the confirmation button redirects to the page that says it is done', async () => {
    const url = `${baseUrl}/unsubscribe?token=${encodeURIComponent(tokenFor('cycle_stage'))}`
    const response = await fetch(url, { method: 'POST', headers: { origin: baseUrl }, redirect: 'manual' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toContain('done=1')
    expect(await delivery('cycle_stage')).toBe('in_app')
  })

  it('a changed or missing token is refused and changes nothing', async () => {
    const forged = tokenFor('mention').replace('mention', 'data_due')
    for (const token of [forged, '', 'nonsense']) {
      const response = await fetch(`${baseUrl}/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(response.status).toBe(400)
    }
    expect(
      await database.db.notificationPreference.count({
        where: { userId: world.users.member.id, category: 'data_due' },
      }),
    ).toBe(0)
  })
})
