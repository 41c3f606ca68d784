// Starts the product: opens the database (PGlite on disk, or PostgreSQL with DATABASE_URL), applies
// migrations, seeds the demo district into an empty embedded database, then serves the app, the API
// (/api/trpc) and the collaboration sockets (/collab/) on one port.
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import { styleText } from 'node:util'
import type { ServerBuild } from 'react-router'
import { createApp } from './app.ts'
import { createPasswordResetLimiter, createSignInLimiter } from './auth/rate-limit.ts'
import { createSecretBox } from './auth/sso/secret-box.ts'
import { createCycleCollabServer } from './collab/index.ts'
import { trackConnections } from './connections.ts'
import { openDatabase } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'
import { createEmailSender } from './email/email-sender.ts'
import { createSmtpTransport, defaultMailFrom } from './email/transport.ts'
import { databaseTarget, env } from './env.ts'
import { startJobQueue } from './jobs/job-queue.ts'
import { type NotificationJobs, registerNotificationJobs } from './jobs/notification-jobs.ts'
import { createLogger, currentLog, requestIdFor, requestScope } from './log.ts'
import { createInProcessNotificationHub, createRedisNotificationHub } from './notifications/hub.ts'
import { collabObserver, registerCollabServer, registerDatabasePool } from './ops/metrics.ts'
import { deleteStaleAccountTokens } from './services/accounts/delete-stale-account-tokens.ts'
import { defaultAppServices } from './trpc/context.ts'

const startedAt = performance.now()
// Structured JSON logs in production; readable lines in development (server/log.ts).
const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' })
const log = (message: string) => logger.info(message)

const target = databaseTarget(env)
log(
  target.kind === 'postgres'
    ? 'Database: PostgreSQL (DATABASE_URL)'
    : `Database: embedded PGlite in ${target.dataDir}`,
)
const database = await openDatabase(target)
const applied = await migrateDatabase(database)
if (applied.length) log(`Applied migrations: ${applied.join(', ')}`)

// Links in emails are absolute; unsubscribe links are signed with a key derived from SESSION_SECRET (its
// own HMAC label).
const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`
const unsubscribeSecret = env.SESSION_SECRET

const { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemoDistrict } = await import('../prisma/seed/demo-district.ts')
const isEmpty = (await database.db.district.count()) === 0
if (isEmpty && target.kind === 'pglite' && !env.NO_DEMO_SEED) {
  log('Empty database: building the demo district (about a minute the first time)…')
  await seedDemoDistrict(database.db, {
    onProgress: (line) => log(`  ${line}`),
    // The seeded emails' links and unsubscribe links are this server's own.
    publicUrl,
    unsubscribeSecret,
  })
}

const isProduction = env.NODE_ENV === 'production'
let build: ServerBuild | (() => Promise<ServerBuild>)
let viteMiddlewares: import('express').RequestHandler | undefined
let closeVite: (() => Promise<void>) | undefined
if (isProduction) {
  build = (await import(resolve(env.BUILD_DIR, 'server/index.js'))) as ServerBuild
} else {
  const vite = await import('vite')
  const ownSigterm = new Set(process.listeners('SIGTERM'))
  const viteServer = await vite.createServer({ server: { middlewareMode: true }, appType: 'custom' })
  // Vite adds a SIGTERM listener that closes it and exits 143 at once; shutdown() below closes
  // Vite itself, after the edits and connections.
  for (const listener of process.listeners('SIGTERM')) {
    if (!ownSigterm.has(listener)) process.off('SIGTERM', listener)
  }
  viteMiddlewares = viteServer.middlewares
  build = () => viteServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>
  closeVite = () => viteServer.close()
}

const redis = env.REDIS_URL
  ? new (await import('ioredis')).Redis(env.REDIS_URL, { lazyConnect: false })
  : undefined
const sessionConfig = {
  ttlHours: env.SESSION_TTL_HOURS,
  secret: env.SESSION_SECRET,
  // Secure cookies need HTTPS; the local demo runs on plain http://localhost.
  secureCookies: env.PUBLIC_URL?.startsWith('https://') ?? false,
}
const publicOrigin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : undefined
const allowedOrigins = [
  ...(publicOrigin ? [publicOrigin] : []),
  ...(env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
]
if (sessionConfig.secureCookies && env.TRUST_PROXY === false) {
  logger.warn(
    'PUBLIC_URL is https:// but TRUST_PROXY is not set: behind a TLS-terminating proxy, set TRUST_PROXY so sign-in works (README, Configuration).',
  )
}
const collabLog = logger.child({ component: 'collab' })

// Live notifications: every instance's browsers hear of new ones through Redis (REDIS_URL) or in-process.
const notificationHub = env.REDIS_URL
  ? await createRedisNotificationHub({
      url: env.REDIS_URL,
      prefix: env.REDIS_PREFIX,
      log: (message, error) => logger.error(error ? { err: error } : {}, message),
    })
  : createInProcessNotificationHub()
// New notifications: the bell hears of them live, and those to email go out in the next email round.
let notificationJobs: NotificationJobs | undefined
const onNotified = (userIds: string[]) => {
  notificationHub.publish(userIds)
  notificationJobs?.wake()
}

// Real-time co-editing of the worksheets (docs/decisions/004-collaboration-server.md); with REDIS_URL,
// instances share documents through Redis pub/sub.
const collab = await createCycleCollabServer({
  db: database.db,
  session: sessionConfig,
  allowedOrigins,
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL, redisPrefix: `${env.REDIS_PREFIX}collab:` } : {}),
  ...(env.COLLAB_INSTANCE_ID ? { instanceId: env.COLLAB_INSTANCE_ID } : {}),
  // Inside an upgrade the request's logger (its reqId); elsewhere the collaboration logger.
  log: (message, error) => currentLog(collabLog).error(error ? { err: error } : {}, message),
  observer: collabObserver,
  onNotified,
})
registerCollabServer(collab)
if (database.pool) registerDatabasePool(database.pool)

// A key of its own for identity providers' client secrets; SESSION_SECRET (a different HKDF label) if unset.
const secrets = createSecretBox(env.SSO_SECRET_KEY ?? `sso:${env.SESSION_SECRET}`)

// Email (ADR 029): SMTP when SMTP_URL is set, else the Outbox page. Jobs and schedules on pg-boss.
const mailLog = logger.child({ component: 'email' })
const emailSender = createEmailSender({
  db: database.db,
  transport: createSmtpTransport(env.SMTP_URL),
  from: env.MAIL_FROM ?? defaultMailFrom(publicUrl),
  onError: (error, message) => mailLog.warn({ err: error }, message),
})
const jobs = await startJobQueue(
  database.pglite ? { kind: 'pglite' } : { kind: 'postgres', url: env.DATABASE_URL ?? '' },
  { onError: (error) => logger.child({ component: 'jobs' }).error({ err: error }, 'job queue error') },
)
await jobs.registerRecurringJob('account-links.cleanup', '17 3 * * *', async () => {
  await deleteStaleAccountTokens({ db: database.db, now: new Date() })
})
notificationJobs = await registerNotificationJobs({
  jobs,
  db: database.db,
  publicUrl,
  unsubscribeSecret,
  onNotified: (userIds) => notificationHub.publish(userIds),
  onEmailQueued: () => emailSender.wake(),
  onError: (error, message) => mailLog.warn({ err: error }, message),
})
emailSender.start()
log(
  env.SMTP_URL
    ? 'Email: SMTP (SMTP_URL)'
    : 'Email: no SMTP_URL, messages kept in the Outbox (Administration → Outbox)',
)

const app = createApp({
  db: database.db,
  session: sessionConfig,
  limiter: createSignInLimiter(redis, { keyPrefix: env.REDIS_PREFIX }),
  services: {
    ...defaultAppServices,
    onAccessChanged: (change) => collab.onAccessChanged(change),
    onCycleDocumentWritten: (cycleId, update) => collab.applyStoredUpdate(cycleId, update),
    onNotified,
    secrets,
    publicUrl,
    onEmailQueued: () => emailSender.wake(),
  },
  notifications: { hub: notificationHub, unsubscribeSecret },
  resetLimiter: createPasswordResetLimiter(redis, { keyPrefix: env.REDIS_PREFIX }),
  allowedOrigins,
  trustProxy: env.TRUST_PROXY,
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
  logger,
  build,
  ...(viteMiddlewares ? { viteMiddlewares } : { clientDir: resolve(env.BUILD_DIR, 'client') }),
  mode: isProduction ? 'production' : 'development',
  ops: {
    db: database.db,
    redis: redis ? [redis] : [],
    metricsToken: env.METRICS_TOKEN,
    isDraining: () => shuttingDown,
  },
})

const server: Server = createServer(app)
const connections = trackConnections(server)

// The collaboration server claims /collab/<cycleId> (session, Origin and team checked before the
// WebSocket is accepted); every other upgrade is answered 404. The upgrade gets a request id too.
server.on('upgrade', (request, socket, head) => {
  const reqId = requestIdFor(request.headers['x-request-id'], env.TRUST_PROXY !== false)
  const requestLog = collabLog.child({ reqId })
  requestScope.run({ reqId, log: requestLog }, () => collab.handleUpgrade(request, socket, head))
})

server.listen(env.PORT, env.HOST, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`
  const readyMs = Math.round(performance.now() - startedAt)
  logger.info({ url, port, readyMs }, `PDSA Tracker is running at ${url}`)
  const showDemo = target.kind === 'pglite' && !env.NO_DEMO_SEED
  // A person at a terminal (npm run demo) also gets the address and the demo sign-ins as plain text.
  if (process.stdout.isTTY && env.LOG_LEVEL !== 'silent') {
    const lines = [
      '',
      `${styleText('bold', `PDSA Tracker is running at ${styleText('cyan', url)}`)} (ready in ${readyMs} ms)`,
      '',
      ...(showDemo
        ? [
            `Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
            ...DEMO_SIGN_INS.map((s) => `  ${s.role.padEnd(16)} ${s.email.padEnd(36)} ${s.note}`),
            '',
          ]
        : []),
    ]
    console.info(lines.join('\n'))
  }
  if (env.DEMO_IDENTITY_PROVIDER) void startDemoSso(port)
})

let demoSso: { issuer: string; close(): Promise<void> } | undefined
async function startDemoSso(port: number) {
  const { startDemoIdentityProvider } = await import('./dev/demo-identity-provider.ts')
  const origins = env.PUBLIC_URL
    ? [new URL(env.PUBLIC_URL).origin]
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  demoSso = await startDemoIdentityProvider({
    db: database.db,
    secrets,
    publicOrigins: origins,
    emails: DEMO_SIGN_INS.map((s) => ({ email: s.email, name: s.role })),
  })
  log(`Demo identity provider at ${demoSso.issuer}: "Sign in with single sign-on" with any demo email.`)
}

let shuttingDown = false
async function shutdown(signal: string) {
  if (shuttingDown) return
  shuttingDown = true
  log(`${signal}: shutting down…`)
  const deadline = setTimeout(() => {
    logger.error('Shutdown took longer than 25 s; exiting.')
    logger.flush()
    process.exit(1)
  }, 25_000)
  deadline.unref()
  // Edits first: commit everything pending, then close the sockets with 1012 (clients reconnect).
  await collab.close()
  // Live notification streams end at once (browsers reconnect to another instance).
  ;(app.locals.closeNotificationStreams as (() => void) | undefined)?.()
  // Then HTTP: connections serving nothing (idle keep-alive, never sent a request) close at once;
  // requests in flight get 10 s to finish.
  await connections.close(10_000)
  // Then the jobs: the round of email in flight finishes, pg-boss lets running jobs end.
  await emailSender.stop()
  await jobs.stop()
  await closeVite?.()
  await demoSso?.close()
  await notificationHub.close()
  await redis?.quit()
  await database.close()
  log('Shut down cleanly.')
  logger.flush()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
