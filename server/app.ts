// The HTTP application: request ids and logs, security headers, CSRF origin check, tRPC at /api/trpc,
// and React Router for every page. server/index.ts wraps it in an http.Server and adds the
// collaboration upgrade path. Proxy trust model and headers: docs/decisions/019-http-hardening.md.
import type { Actor } from '@pdsa/domain'
import {
  AccountLinkTokenSchema,
  API_MAX_BATCH_CALLS,
  API_MAX_BODY_BYTES,
  DomainError,
  ForgotPasswordInputSchema,
  IMPORT_MAX_BODY_BYTES,
  IMPORT_UPLOAD_PROCEDURES,
  isDomainError,
  SetPasswordFromLinkInputSchema,
  SignInInputSchema,
} from '@pdsa/domain'
import { createRequestHandler } from '@react-router/express'
import { createTRPCClient, unstable_localLink } from '@trpc/client'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import express, { type Request, type Response } from 'express'
import type { RouterContext, ServerBuild } from 'react-router'
import { RouterContextProvider } from 'react-router'
import superjson from 'superjson'
import type { ServerContext } from '../app/lib/server-context.ts'
import { createPasswordResetLimiter, type RequestLimiter, type SignInLimiter } from './auth/rate-limit.ts'
import {
  clearedSessionCookie,
  deleteSession,
  isValidCsrfToken,
  type ResolvedSession,
  readSessionToken,
  resolveSession,
  type SessionConfig,
  sessionCookie,
} from './auth/session.ts'
import { ssoServerContext } from './auth/sso/server-context.ts'
import type { Db } from './db/client.ts'
import type { TrustProxy } from './env.ts'
import { type Logger, pathOnly, requestIdFor, requestScope, silentLogger } from './log.ts'
import type { NotificationHub } from './notifications/hub.ts'
import { notificationStreamHandler } from './notifications/stream.ts'
import { unsubscribeRoutes } from './notifications/unsubscribe-routes.ts'
import { pagePatternMatcher } from './ops/route-pattern.ts'
import { createOpsRouter, httpMetrics, type OpsOptions } from './ops/routes.ts'
import { createCspNonce, setSecurityHeaders } from './security-headers.ts'
import { checkAccountLink, setPasswordFromLink } from './services/accounts/account-link.ts'
import { requestPasswordReset } from './services/accounts/request-password-reset.ts'
import { signIn } from './services/auth/sign-in.ts'
import { type AppServices, createContextInner, publicUrlOf, type TrpcContext } from './trpc/context.ts'
import { type AppRouter, appRouter } from './trpc/root.ts'

export interface AppOptions {
  db: Db
  session: SessionConfig
  limiter: SignInLimiter
  /** "Forgot password?" throttling (ADR 029); default: in memory. */
  resetLimiter?: RequestLimiter
  services: AppServices
  /** Origins allowed to send state-changing requests (besides the request's own host). */
  allowedOrigins: readonly string[]
  /** Production: the built server; development: a function that loads it through Vite. */
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Development: Vite's middlewares (assets, HMR). Production: serve build/client. */
  viteMiddlewares?: express.RequestHandler
  clientDir?: string
  mode: 'development' | 'production' | 'test'
  /**
   * Whom to believe about X-Forwarded-Proto/Host/For (and X-Request-Id): Express's `trust proxy`.
   * Default false: the socket's own address, scheme and the Host header.
   */
  trustProxy?: TrustProxy
  /** PUBLIC_URL: its origin is always allowed to post (the address people use). */
  publicUrl?: string
  /** Default: silent. */
  logger?: Logger
  /** Send Content-Security-Policy (default: everywhere but development, where Vite's HMR needs more). */
  contentSecurityPolicy?: boolean
  /**
   * Live notifications (GET /api/notifications/stream) and one-click unsubscribe (/unsubscribe). Unset:
   * no stream (the bell refreshes when pages load) and no unsubscribe links.
   */
  notifications?: { hub: NotificationHub; unsubscribeSecret: string }
  /** /readyz, /metrics and request timing (server/ops/routes.ts); unset in tests that do not need them. */
  ops?: OpsOptions
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The client's address: the socket's, or the one a trusted proxy names in X-Forwarded-For. */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? ''
}

/**
 * The origin the request was made to: scheme and host as the client saw them. Behind a trusted proxy
 * they come from X-Forwarded-Proto/Host (what React Router's own action check compares with too).
 */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.host || 'localhost'}`
}

/** CSRF defence 1 of 2: a state-changing request must come from our own origin (or an allowed one). */
export function isAllowedOrigin(req: Request, allowed: readonly string[]): boolean {
  const origin = req.headers.origin ?? (req.headers.referer ? safeOrigin(req.headers.referer) : undefined)
  if (!origin) return false
  return origin === requestOrigin(req) || allowed.includes(origin)
}

/** A path that cannot be percent-decoded (`/%`, `/assets/%c0%ae`) is malformed: 400, not 500. */
function isDecodablePath(url: string): boolean {
  try {
    decodeURIComponent(pathOnly(url))
    return true
  } catch {
    return false
  }
}

/** The status of an error thrown by a body parser or Express itself (`err.status`), if it is a 4xx. */
function clientErrorStatus(error: unknown): number | null {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

export function createApp(options: AppOptions) {
  const { db, session: sessionConfig, services } = options
  const logger = options.logger ?? silentLogger
  const resetLimiter = options.resetLimiter ?? createPasswordResetLimiter()
  const trustProxy = options.trustProxy ?? false
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined
  const allowedOrigins = publicOrigin ? [publicOrigin, ...options.allowedOrigins] : options.allowedOrigins
  const sendCsp = options.contentSecurityPolicy ?? options.mode !== 'development'
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  // Page route patterns for the request metrics, from the build once it is loaded.
  let pagePattern: (pathname: string) => string | null = () => null
  if (options.ops) app.use(httpMetrics((pathname) => pagePattern(pathname)))

  // Every request: an id (in the X-Request-Id answer and every log line about it), the security
  // headers, one log line when it is answered (method, path without query, status, duration).
  app.use((req, res, next) => {
    const reqId = requestIdFor(req.headers['x-request-id'], trustProxy !== false)
    const log = logger.child({ reqId })
    const nonce = createCspNonce()
    res.locals.log = log
    res.locals.cspNonce = nonce
    res.setHeader('X-Request-Id', reqId)
    setSecurityHeaders(res, {
      nonce,
      origin: publicOrigin ?? requestOrigin(req),
      https: req.secure,
      csp: sendCsp,
    })
    const started = performance.now()
    res.on('finish', () => {
      const fields = {
        method: req.method,
        path: pathOnly(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }
      if (res.statusCode >= 500) log.error(fields, 'request failed')
      else log.info(fields, 'request')
    })
    if (!isDecodablePath(req.originalUrl)) {
      res.status(400).type('text/plain').send('Bad request: the address is not valid.')
      return
    }
    // React Router builds the page's URL from X-Forwarded-Host but the port from Host: behind a
    // trusted proxy that rewrites Host, both must name the public host.
    if (trustProxy !== false && req.headers['x-forwarded-host'] && req.headers.host !== req.host) {
      req.headers.host = req.host
    }
    requestScope.run({ reqId, log }, next)
  })

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  if (options.ops) app.use(createOpsRouter(options.ops))
  // Clients that ask for the icon without reading the page's <link rel="icon"> (not a page: no 404 log).
  app.get('/favicon.ico', (_req, res) => {
    res.redirect(301, '/favicon.svg')
  })

  if (options.viteMiddlewares) {
    app.use(options.viteMiddlewares)
  } else if (options.clientDir) {
    app.use('/assets', express.static(`${options.clientDir}/assets`, { immutable: true, maxAge: '1y' }))
    app.use(express.static(options.clientDir, { maxAge: '1h' }))
  }

  // One-click unsubscribe (RFC 8058): mail clients POST without our Origin; the signed token is the
  // authority (no cookie is read), so it sits before the Origin check.
  if (options.notifications)
    app.use(unsubscribeRoutes({ db, secret: options.notifications.unsubscribeSecret }))

  // CSRF defence 1 of 2 for every state-changing request (forms and tRPC); tRPC mutations also
  // need the session's CSRF token (defence 2, in authedProcedure).
  app.use((req, res, next) => {
    if (STATE_CHANGING.has(req.method) && !isAllowedOrigin(req, allowedOrigins)) {
      res.status(403).json({ error: 'Cross-site request refused (Origin does not match).' })
      return
    }
    next()
  })

  async function sessionFor(
    req: Request,
  ): Promise<{ token: string | undefined; resolved: ResolvedSession | null }> {
    const token = readSessionToken(req.headers.cookie)
    return { token, resolved: await resolveSession(db, sessionConfig, token) }
  }

  if (options.notifications) {
    const stream = notificationStreamHandler({
      hub: options.notifications.hub,
      userIdFor: async (req) => (await sessionFor(req)).resolved?.actor.userId ?? null,
    })
    app.get('/api/notifications/stream', stream)
    app.locals.closeNotificationStreams = () => stream.closeAll()
  }

  const contextFor = (actor: Actor | null, csrfVerified: boolean): TrpcContext =>
    createContextInner({ db, actor, csrfVerified, app: services })

  // Answers are per user: never stored by a browser or a proxy.
  app.use('/api/trpc', (_req, res, next) => {
    res.setHeader('Cache-Control', 'private, no-store')
    next()
  })
  // Limits (docs/decisions/021-input-hygiene.md): at most API_MAX_BATCH_CALLS calls per batch, and a
  // body of at most API_MAX_BODY_BYTES, except one import upload sent on its own (IMPORT_MAX_BODY_BYTES).
  const trpcHandler = (maxBodySize: number) =>
    createExpressMiddleware({
      router: appRouter,
      maxBodySize,
      maxBatchSize: API_MAX_BATCH_CALLS,
      async createContext({ req }) {
        const { resolved } = await sessionFor(req)
        const header = req.headers['x-csrf-token']
        const csrfVerified =
          !!resolved && isValidCsrfToken(resolved.csrfToken, Array.isArray(header) ? header[0] : header)
        return contextFor(resolved?.actor ?? null, csrfVerified)
      },
      // Unexpected failures are logged with their error id by the error formatter (server/trpc/init.ts).
    })
  const apiHandler = trpcHandler(API_MAX_BODY_BYTES)
  const importUploadHandler = trpcHandler(IMPORT_MAX_BODY_BYTES)
  app.use('/api/trpc', (req, res, next) => {
    const procedure = req.path.slice(1)
    const isImportUpload = req.query.batch === undefined && IMPORT_UPLOAD_PROCEDURES.includes(procedure)
    return (isImportUpload ? importUploadHandler : apiHandler)(req, res, next)
  })

  let serverContextKey: RouterContext<ServerContext> | undefined
  const loadBuild = async () => {
    const build = typeof options.build === 'function' ? await options.build() : options.build
    const key = (build.entry.module as { serverContext?: RouterContext<ServerContext> }).serverContext
    if (!key) throw new Error('app/entry.server.tsx must export serverContext')
    serverContextKey = key
    pagePattern = pagePatternMatcher(build.routes)
    return build
  }

  async function getLoadContext(req: Request, res: Response): Promise<RouterContextProvider> {
    const { token, resolved } = await sessionFor(req)
    const actor = resolved?.actor ?? null
    const meta = { ip: clientIp(req), userAgent: String(req.headers['user-agent'] ?? '') }
    const origin = publicOrigin ?? requestOrigin(req)
    const sso = ssoServerContext({
      db,
      secrets: services.secrets,
      session: sessionConfig,
      cookieHeader: req.headers.cookie,
      publicOrigin: origin,
      meta,
    })
    const value: ServerContext = {
      actor,
      csrfToken: resolved?.csrfToken ?? null,
      trpcClient: createTRPCClient<AppRouter>({
        links: [
          unstable_localLink({
            router: appRouter,
            transformer: superjson,
            // In-process calls from loaders and actions: forms carry their own CSRF field.
            createContext: async () => contextFor(actor, true),
          }),
        ],
      }),
      auth: {
        async signIn(raw) {
          const input = SignInInputSchema.parse(raw)
          const result = await signIn({ db, limiter: options.limiter, session: sessionConfig, input, meta })
          return {
            setCookie: result.token ? sessionCookie(sessionConfig, result.token, result.expiresAt) : null,
            redirectTo: result.redirectTo,
          }
        },
        async requestPasswordReset(raw) {
          const input = ForgotPasswordInputSchema.parse(raw)
          const { queued } = await requestPasswordReset({
            db,
            limiter: resetLimiter,
            input,
            meta,
            now: services.now(),
            publicUrl: publicUrlOf(services),
          })
          if (queued) services.onEmailQueued?.()
        },
        checkAccountLink: (token) =>
          checkAccountLink({ db, token: AccountLinkTokenSchema.catch('').parse(token), now: services.now() }),
        async setPasswordFromLink(raw) {
          const input = SetPasswordFromLinkInputSchema.parse(raw)
          const result = await setPasswordFromLink({
            db,
            session: sessionConfig,
            input,
            meta,
            now: services.now(),
          })
          return {
            setCookie: sessionCookie(sessionConfig, result.token, result.expiresAt),
            redirectTo: result.redirectTo,
          }
        },
        async signOut(csrfToken) {
          if (resolved && !isValidCsrfToken(resolved.csrfToken, csrfToken)) {
            throw new DomainError('FORBIDDEN', 'Missing or invalid CSRF token.')
          }
          const providerSignOut = await sso.providerSignOut(token)
          await deleteSession(db, token)
          return { setCookie: clearedSessionCookie(sessionConfig), providerSignOut }
        },
        ...sso,
      },
      publicOrigin: origin,
      cspNonce: String(res.locals.cspNonce),
      logError(error, message) {
        ;(res.locals.log as Logger).error({ err: error }, message)
      },
    }
    const provider = new RouterContextProvider()
    if (!serverContextKey) await loadBuild()
    provider.set(serverContextKey as RouterContext<ServerContext>, value)
    return provider
  }

  app.all(
    '/{*splat}',
    createRequestHandler({
      build: loadBuild,
      getLoadContext,
      mode: options.mode === 'production' ? 'production' : 'development',
    }),
  )

  app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    // A malformed request (bad encoding, unreadable body) is answered 4xx without a stack trace.
    const status = clientErrorStatus(error) ?? (isDomainError(error) ? 400 : null)
    if (status === null)
      ((res.locals.log as Logger | undefined) ?? logger).error({ err: error }, 'request failed')
    if (!res.headersSent) {
      res
        .status(status ?? 500)
        .type('text/plain')
        .send(status ? 'Bad request.' : 'Something went wrong.')
    }
  })

  return app
}
