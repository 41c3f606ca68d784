// Operations endpoints: GET /readyz (database and Redis reachable → 200, else 503; 503 while shutting
// down) and GET /metrics (Prometheus; off unless METRICS_TOKEN is set, then `Authorization: Bearer`),
// plus the middleware that times every HTTP request by route pattern. /healthz (liveness) stays in
// server/app.ts: it answers as long as the process serves HTTP.
import { timingSafeEqual } from 'node:crypto'
import type express from 'express'
import { Router } from 'express'
import type { Redis } from 'ioredis'
import type { Db } from '../db/client.ts'
import { httpRequestDuration, registry } from './metrics.ts'
import { serverRoutePattern } from './route-pattern.ts'

export interface OpsOptions {
  db: Db
  /** Redis clients the instance depends on (sign-in throttling; collaboration fan-out). */
  redis?: readonly Pick<Redis, 'ping'>[]
  /** Unset: /metrics answers 404. */
  metricsToken?: string | undefined
  /** Each check's deadline. */
  readinessTimeoutMs?: number
  /** True once shutdown began (the load balancer stops sending new requests). */
  isDraining?: () => boolean
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

export type CheckResult = 'ok' | 'unreachable' | 'not configured'

/** Whether the database and every Redis client answer within the deadline. */
export async function readiness(options: OpsOptions) {
  const timeout = options.readinessTimeoutMs ?? 2_000
  const check = (run: () => Promise<unknown>): Promise<CheckResult> =>
    withTimeout(run(), timeout).then(
      () => 'ok',
      () => 'unreachable',
    )
  const [database, ...redis] = await Promise.all([
    check(() => options.db.$queryRaw`SELECT 1`),
    ...(options.redis ?? []).map((client) => check(() => client.ping())),
  ])
  const redisResult: CheckResult =
    redis.length === 0 ? 'not configured' : redis.every((r) => r === 'ok') ? 'ok' : 'unreachable'
  const draining = options.isDraining?.() ?? false
  const ready = database === 'ok' && redisResult !== 'unreachable' && !draining
  return { ready, database, redis: redisResult, draining }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function createOpsRouter(options: OpsOptions): Router {
  const router = Router()
  router.get('/readyz', async (_req, res) => {
    const result = await readiness(options)
    res.setHeader('Cache-Control', 'no-store')
    res.status(result.ready ? 200 : 503).json(result)
  })
  router.get('/metrics', async (req, res) => {
    const token = options.metricsToken
    if (!token) {
      res.status(404).type('text/plain').send('Not found (set METRICS_TOKEN to enable /metrics).')
      return
    }
    if (!bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
      res.status(401).type('text/plain').send('Unauthorized.')
      return
    }
    res.setHeader('Cache-Control', 'no-store')
    res.type(registry.contentType).send(await registry.metrics())
  })
  return router
}

/**
 * Times every request and labels it with its route pattern: the server's own paths, else the page's
 * React Router pattern (`pagePattern`), else "unmatched" (a bounded label for unknown URLs).
 */
export function httpMetrics(pagePattern: (pathname: string) => string | null): express.RequestHandler {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer()
    res.once('finish', () => {
      let pathname = '/'
      try {
        pathname = new URL(req.originalUrl, 'http://localhost').pathname
      } catch {
        // An unparsable URL: labelled unmatched below.
      }
      let route = serverRoutePattern(pathname)
      if (!route) {
        try {
          route = pagePattern(pathname)
        } catch {
          route = null
        }
      }
      end({ method: req.method, route: route ?? 'unmatched', status: String(res.statusCode) })
    })
    next()
  }
}
