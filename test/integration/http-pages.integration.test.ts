// The pages over HTTP (server/app.ts with React Router): signing in behind a TLS-terminating proxy,
// redirects after sign-in, malformed requests answered 4xx, and the security and cache headers.
// (docs/decisions/019-http-hardening.md)
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csrfTokenFor, SESSION_COOKIE, type SessionConfig } from '../../server/auth/session.ts'
import { createWorld, TEST_PASSWORD, type World } from '../factories/index.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { closePageServers, type PageServer, startPageServer } from '../utils/page-server.ts'

const PUBLIC = 'https://pdsa.example.test'
const httpsSession: SessionConfig = { ttlHours: 1, secret: 'p'.repeat(40), secureCookies: true }
const httpSession: SessionConfig = { ...httpsSession, secureCookies: false }

let database: TestDatabase
let world: World
/** PUBLIC_URL=https://…, TRUST_PROXY=loopback: the test plays the proxy (it connects from 127.0.0.1). */
let proxied: PageServer
/** The same PUBLIC_URL without TRUST_PROXY. */
let untrusting: PageServer
/** A plain http instance (local demo) whose logs the tests read. */
let plain: PageServer
const logLines: Record<string, unknown>[] = []

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Pages')
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(String(chunk)))
        done()
      },
    }),
  )
  proxied = await startPageServer({
    db: database.db,
    session: httpsSession,
    publicUrl: PUBLIC,
    trustProxy: ['loopback'],
  })
  untrusting = await startPageServer({ db: database.db, session: httpsSession, publicUrl: PUBLIC })
  plain = await startPageServer({ db: database.db, session: httpSession, logger })
}, 120_000)
afterAll(async () => {
  await Promise.all([proxied?.close(), untrusting?.close(), plain?.close()])
  await closePageServers()
  await database?.close()
})

/** What a TLS-terminating proxy adds to every request it forwards from a browser on PUBLIC_URL. */
const fromProxy = {
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'pdsa.example.test',
  'x-forwarded-for': '203.0.113.7',
}

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString()
}

async function signIn(
  server: PageServer,
  headers: Record<string, string>,
  fields: Record<string, string> = {},
  email = world.users.lead.email,
) {
  return fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form({ email, password: TEST_PASSWORD, redirectTo: '', ...fields }),
  })
}

function sessionCookieOf(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))
  if (!cookie) throw new Error(`No session cookie (status ${res.status})`)
  return cookie
}

describe('PUBLIC_URL=https://… behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  it('signs in with a Secure cookie, then loads a page and makes a tRPC mutation', async () => {
    const page = await fetch(`${proxied.url}/login`, { headers: fromProxy, redirect: 'manual' })
    expect(page.status).toBe(200)
    const res = await signIn(proxied, { ...fromProxy, origin: PUBLIC })
    expect(res.status).toBe(302)
    const cookie = sessionCookieOf(res)
    expect(cookie).toMatch(/; Secure/i)
    expect(cookie).toMatch(/; HttpOnly/i)
    const token = cookie.split(';')[0] as string

    // Signed in: the home page (after its redirect to the team's page), not the sign-in page.
    const home = await fetch(`${proxied.url}/`, { headers: { ...fromProxy, cookie: token } })
    expect(home.status).toBe(200)
    expect(new URL(home.url).pathname).not.toBe('/login')
    const sessionRow = await database.db.session.findFirstOrThrow({
      where: { userId: world.users.lead.id },
      orderBy: { createdAt: 'desc' },
    })
    const csrf = csrfTokenFor(httpsSession, sessionRow.csrfSecret)

    const mutation = await fetch(`${proxied.url}/api/trpc/comment.create`, {
      method: 'POST',
      headers: {
        ...fromProxy,
        origin: PUBLIC,
        cookie: token,
        'content-type': 'application/json',
        'x-csrf-token': csrf as string,
      },
      body: JSON.stringify({
        json: { cycleId: world.cycle.id, body: 'Behind the proxy', requiresResponse: false },
      }),
    })
    expect(mutation.status).toBe(200)
  })

  it('records the client address the proxy names (X-Forwarded-For) on the session', async () => {
    const res = await signIn(proxied, { ...fromProxy, origin: PUBLIC }, {}, world.users.member.email)
    expect(res.status).toBe(302)
    const sessions = await database.db.session.findMany({
      where: { userId: world.users.member.id },
      select: { ip: true },
    })
    expect(sessions.map((s) => s.ip)).toContain('203.0.113.7')
  })

  it('sends HSTS on https, and a CSP whose socket source is the public origin', async () => {
    const res = await fetch(`${proxied.url}/login`, { headers: fromProxy })
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' wss://pdsa.example.test")
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
  })

  it('without TRUST_PROXY the forwarded headers are ignored: no sign-in from the https origin', async () => {
    const res = await signIn(untrusting, { ...fromProxy, origin: PUBLIC })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false)
    const page = await fetch(`${untrusting.url}/login`, { headers: fromProxy })
    expect(page.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('redirect after sign-in stays on this site', () => {
  const hostile = [
    '/\\evil.example',
    '/\\/evil.example',
    '/\\\\evil.example',
    '//evil.example',
    '/\t/evil.example',
    '/\tevil.example',
    '/x\r\nSet-Cookie: stolen=1',
    'https://evil.example/',
    '/caf\u00e9/\u2603',
  ]

  it.each(hostile)('after signing in with redirectTo=%j', async (redirectTo) => {
    const res = await signIn(plain, { origin: plain.url }, { redirectTo })
    expect(res.status).toBe(302)
    const location = res.headers.get('location') ?? ''
    expect(location.startsWith('/')).toBe(true)
    expect(new URL(location, plain.url).origin).toBe(plain.url)
    expect(location).not.toContain('evil')
    expect(res.headers.getSetCookie().some((c) => c.startsWith('stolen'))).toBe(false)
  })

  it.each(hostile)('when already signed in, /login?redirectTo=%j', async (redirectTo) => {
    const token = sessionCookieOf(await signIn(plain, { origin: plain.url })).split(';')[0] as string
    const res = await fetch(`${plain.url}/login?redirectTo=${encodeURIComponent(redirectTo)}`, {
      headers: { cookie: token },
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/')
  })

  it('keeps a same-site path', async () => {
    const res = await signIn(plain, { origin: plain.url }, { redirectTo: `/cycles/${world.cycle.id}?tab=do` })
    expect(res.headers.get('location')).toBe(`/cycles/${world.cycle.id}?tab=do`)
  })
})

describe('malformed requests are answered 4xx, in words', () => {
  it.each([
    ['a path that is not percent-encoded properly', '/%'],
    ['an over-long UTF-8 dot', '/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd'],
    ['a bad escape in a page path', '/cycles/%E0%A4%A'],
  ])('%s: 400', async (_what, path) => {
    const res = await fetch(`${plain.url}${path}`)
    expect(res.status).toBe(400)
    expect(await res.text()).toBe('Bad request: the address is not valid.')
  })

  it('POST /login with JSON: 415', async () => {
    const res = await fetch(`${plain.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: plain.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: world.users.lead.email, password: TEST_PASSWORD }),
    })
    expect(res.status).toBe(415)
  })

  it('POST /login with broken multipart: 400', async () => {
    const res = await fetch(`${plain.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: plain.url, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nbroken',
    })
    expect(res.status).toBe(400)
  })

  it('POST /logout without its CSRF field: 403, and the session survives', async () => {
    const token = sessionCookieOf(await signIn(plain, { origin: plain.url })).split(';')[0] as string
    const res = await fetch(`${plain.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: plain.url, cookie: token, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(res.status).toBe(403)
    const home = await fetch(`${plain.url}/`, { headers: { cookie: token } })
    expect(home.status).toBe(200)
    expect(new URL(home.url).pathname).not.toBe('/login')
  })

  it('/login?redirectTo with CR/LF or non-Latin-1 when signed out: 200', async () => {
    for (const value of ['/x\r\ny', '/\u2603']) {
      const res = await fetch(`${plain.url}/login?redirectTo=${encodeURIComponent(value)}`)
      expect(res.status).toBe(200)
    }
  })

  it.each([
    ['a mutation body', 'POST', 'comment.create', '{"json": {'],
    ['a query input', 'GET', `search.cycles?input=${encodeURIComponent('{"json":')}`, undefined],
  ])(
    '%s that is not JSON: 400 with a sentence, not the JSON parser’s text',
    async (_what, method, path, body) => {
      const cookie = sessionCookieOf(await signIn(plain, { origin: plain.url })).split(';')[0] as string
      const sessionRow = await database.db.session.findFirstOrThrow({
        where: { userId: world.users.lead.id },
        orderBy: { createdAt: 'desc' },
      })
      const res = await fetch(`${plain.url}/api/trpc/${path}`, {
        method,
        headers: {
          origin: plain.url,
          cookie,
          'content-type': 'application/json',
          'x-csrf-token': csrfTokenFor(httpSession, sessionRow.csrfSecret),
        },
        ...(body ? { body } : {}),
      })
      expect(res.status).toBe(400)
      const payload = (await res.json()) as { error: { json: { message: string } } }
      expect(payload.error.json.message).toBe('The request body is not valid JSON.')
    },
  )
})

describe('headers and logs', () => {
  it('a page: CSP with a fresh nonce on every inline script, no-store, Permissions-Policy, request id', async () => {
    const first = await fetch(`${plain.url}/login`)
    const second = await fetch(`${plain.url}/login`)
    const csp = first.headers.get('content-security-policy') ?? ''
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1]
    expect(nonce).toBeTruthy()
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
    expect(csp).toContain("script-src 'self' 'nonce-")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    const html = await first.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(first.headers.get('cache-control')).toBe('private, no-store')
    expect(first.headers.get('permissions-policy')).toContain('camera=()')
    expect(first.headers.get('strict-transport-security')).toBeNull()
    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('tRPC answers are not stored', async () => {
    const res = await fetch(`${plain.url}/api/trpc/auth.me`)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
  })

  it('an unknown URL: 404 and no error logged', async () => {
    const before = logLines.length
    const res = await fetch(`${plain.url}/no/such/page`)
    expect(res.status).toBe(404)
    const lines = logLines.slice(before)
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([])
    expect(lines.some((l) => l.path === '/no/such/page' && l.status === 404)).toBe(true)
  })

  it('logs every request with its id, and never the password, the session token or the query', async () => {
    const before = logLines.length
    const res = await signIn(plain, { origin: plain.url }, { redirectTo: '/search?q=Jaylen' })
    const token = sessionCookieOf(res).split(';')[0]?.split('=')[1] as string
    await fetch(`${plain.url}/search?q=Jaylen`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })
    const text = logLines
      .slice(before)
      .map((l) => JSON.stringify(l))
      .join('\n')
    expect(text).toContain('"reqId"')
    expect(text).not.toContain(TEST_PASSWORD)
    expect(text).not.toContain(token)
    expect(text).not.toContain('Jaylen')
  })
})
