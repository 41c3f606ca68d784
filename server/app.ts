// The HTTP application: security headers, CSRF origin check, tRPC at /api/trpc, and React Router
// for every page. server/index.ts wraps it in an http.Server and adds the collaboration upgrade path.
import type { IncomingMessage } from 'node:http'
import type { Actor } from '@pdsa/domain'
import {
  API_MAX_BATCH_CALLS,
  API_MAX_BODY_BYTES,
  DomainError,
  IMPORT_MAX_BODY_BYTES,
  IMPORT_UPLOAD_PROCEDURES,
  isDomainError,
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
import type { SignInLimiter } from './auth/rate-limit.ts'
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
import type { Db } from './db/client.ts'
import { signIn } from './services/auth/sign-in.ts'
import { type AppServices, createContextInner, type TrpcContext } from './trpc/context.ts'
import { type AppRouter, appRouter } from './trpc/root.ts'

export interface AppOptions {
  db: Db
  session: SessionConfig
  limiter: SignInLimiter
  services: AppServices
  /** Origins allowed to send state-changing requests (besides the request's own host). */
  allowedOrigins: readonly string[]
  /** Production: the built server; development: a function that loads it through Vite. */
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Development: Vite's middlewares (assets, HMR). Production: serve build/client. */
  viteMiddlewares?: express.RequestHandler
  clientDir?: string
  mode: 'development' | 'production' | 'test'
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? ''
}

/** The origin a request should come from: its own scheme://host. */
function ownOrigin(req: IncomingMessage, secure: boolean): string {
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`
}

/** CSRF defence 1 of 2: a state-changing request must come from our own origin (or an allowed one). */
export function isAllowedOrigin(req: IncomingMessage, allowed: readonly string[], secure: boolean): boolean {
  const origin = req.headers.origin ?? (req.headers.referer ? safeOrigin(req.headers.referer) : undefined)
  if (!origin) return false
  return origin === ownOrigin(req, secure) || allowed.includes(origin)
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
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', false)

  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    next()
  })

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
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

  // CSRF defence 1 of 2 for every state-changing request (forms and tRPC); tRPC mutations also
  // need the session's CSRF token (defence 2, in authedProcedure).
  app.use((req, res, next) => {
    if (
      STATE_CHANGING.has(req.method) &&
      !isAllowedOrigin(req, options.allowedOrigins, sessionConfig.secureCookies)
    ) {
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

  const contextFor = (actor: Actor | null, csrfVerified: boolean): TrpcContext =>
    createContextInner({ db, actor, csrfVerified, app: services })

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
    return build
  }

  async function getLoadContext(req: Request, res: Response): Promise<RouterContextProvider> {
    const { token, resolved } = await sessionFor(req)
    const actor = resolved?.actor ?? null
    const meta = { ip: clientIp(req), userAgent: String(req.headers['user-agent'] ?? '') }
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
            setCookie: sessionCookie(sessionConfig, result.token, result.expiresAt),
            redirectTo: result.redirectTo,
          }
        },
        async signOut(csrfToken) {
          if (resolved && !isValidCsrfToken(resolved.csrfToken, csrfToken)) {
            throw new DomainError('FORBIDDEN', 'Missing or invalid CSRF token.')
          }
          await deleteSession(db, token)
          return { setCookie: clearedSessionCookie(sessionConfig) }
        },
      },
      publicOrigin: ownOrigin(req, sessionConfig.secureCookies),
    }
    void res
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
    console.error(error)
    if (!res.headersSent) res.status(isDomainError(error) ? 400 : 500).send('Something went wrong.')
  })

  return app
}
