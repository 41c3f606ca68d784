// Page benchmarks: the production build served in-process by the real app (server/app.ts) on a given
// database, with session cookies minted for any user — so a benchmark times what a browser would wait for.
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { ServerBuild } from 'react-router'
import { createApp } from '../../server/app.ts'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import { createSession, SESSION_COOKIE, type SessionConfig } from '../../server/auth/session.ts'
import type { Db } from '../../server/db/client.ts'
import { defaultAppServices } from '../../server/trpc/context.ts'

export interface PageServer {
  baseUrl: string
  /** A Cookie header for the user with this email (a fresh session). */
  cookieFor(email: string): Promise<string>
  close(): Promise<void>
}

export async function startPageServer(db: Db): Promise<PageServer> {
  const buildDir = process.env.BUILD_DIR || 'build'
  const buildPath = resolve(buildDir, 'server/index.js')
  if (!existsSync(buildPath))
    throw new Error('Run `pnpm build` first: page benchmarks time the production build.')
  const build = (await import(buildPath)) as ServerBuild
  const session: SessionConfig = {
    ttlHours: 1,
    secret: 'bench-secret-bench-secret-bench-secret!!',
    secureCookies: false,
  }
  const app = createApp({
    db,
    session,
    limiter: createSignInLimiter(),
    services: defaultAppServices,
    allowedOrigins: [],
    build,
    clientDir: resolve(buildDir, 'client'),
    mode: 'production',
  })
  const server: Server = createServer(app)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async cookieFor(email) {
      const user = await db.user.findFirstOrThrow({ where: { email: email.toLowerCase() } })
      const { token } = await createSession(db, session, user.id, { ip: '127.0.0.1', userAgent: 'bench' })
      return `${SESSION_COOKIE}=${token}`
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/**
 * Times GET requests of a page: warm-up, then `runs` timed requests; returns sorted durations (ms).
 * `before` runs ahead of every request, outside the timing (e.g. a data change that empties a cache).
 */
export async function timePage(
  baseUrl: string,
  path: string,
  cookie: string,
  runs = 15,
  warmup = 3,
  before?: () => Promise<void>,
): Promise<number[]> {
  const get = async () => {
    await before?.()
    const t0 = performance.now()
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' })
    const body = await res.text()
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${body.slice(0, 300)}`)
    return performance.now() - t0
  }
  for (let i = 0; i < warmup; i++) await get()
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await get())
  return times.sort((a, b) => a - b)
}

export function median(sorted: readonly number[]): number {
  const m = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[m] as number) : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2
}

/**
 * A data change a team makes all the time (one observation's value edited and put back), which
 * moves the district's data version: the next oversight page recomputes its derived figures.
 */
export function touchAnObservation(db: Db, districtId: string): () => Promise<void> {
  return async () => {
    await db.$executeRaw`
      UPDATE "Observation" SET "updatedAt" = now()
      WHERE id = (SELECT id FROM "Observation" WHERE "districtId" = ${districtId}::uuid ORDER BY id LIMIT 1)`
  }
}
