// Starts the product: opens the database (PGlite on disk, or PostgreSQL with DATABASE_URL), applies
// migrations, seeds the demo district into an empty embedded database, then serves the app, the API
// (/api/trpc) and the collaboration sockets (/collab/) on one port.
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import { styleText } from 'node:util'
import type { ServerBuild } from 'react-router'
import { createApp } from './app.ts'
import { createSignInLimiter } from './auth/rate-limit.ts'
import { createCycleCollabServer } from './collab/index.ts'
import { openDatabase } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'
import { databaseTarget, env } from './env.ts'
import { collabObserver, registerCollabServer, registerDatabasePool } from './ops/metrics.ts'
import { defaultAppServices } from './trpc/context.ts'

const startedAt = performance.now()
const log = (message: string) => {
  if (env.LOG_LEVEL !== 'silent') console.info(message)
}

const target = databaseTarget(env)
log(
  target.kind === 'postgres'
    ? 'Database: PostgreSQL (DATABASE_URL)'
    : `Database: embedded PGlite in ${target.dataDir}`,
)
const database = await openDatabase(target)
const applied = await migrateDatabase(database)
if (applied.length) log(`Applied migrations: ${applied.join(', ')}`)

const { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemoDistrict } = await import('../prisma/seed/demo-district.ts')
const isEmpty = (await database.db.district.count()) === 0
if (isEmpty && target.kind === 'pglite' && !env.NO_DEMO_SEED) {
  log('Empty database: building the demo district (about a minute the first time)…')
  await seedDemoDistrict(database.db, { onProgress: (line) => log(`  ${line}`) })
}

const isProduction = env.NODE_ENV === 'production'
let build: ServerBuild | (() => Promise<ServerBuild>)
let viteMiddlewares: import('express').RequestHandler | undefined
let closeVite: (() => Promise<void>) | undefined
if (isProduction) {
  build = (await import(resolve(env.BUILD_DIR, 'server/index.js'))) as ServerBuild
} else {
  const vite = await import('vite')
  const viteServer = await vite.createServer({ server: { middlewareMode: true }, appType: 'custom' })
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
const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean)

// Real-time co-editing of the worksheets (docs/decisions/004-collaboration-server.md); with REDIS_URL,
// instances share documents through Redis pub/sub.
const collab = await createCycleCollabServer({
  db: database.db,
  session: sessionConfig,
  allowedOrigins,
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL, redisPrefix: `${env.REDIS_PREFIX}collab:` } : {}),
  ...(env.COLLAB_INSTANCE_ID ? { instanceId: env.COLLAB_INSTANCE_ID } : {}),
  observer: collabObserver,
})
registerCollabServer(collab)
if (database.pool) registerDatabasePool(database.pool)

const app = createApp({
  db: database.db,
  session: sessionConfig,
  limiter: createSignInLimiter(redis, { keyPrefix: env.REDIS_PREFIX }),
  services: {
    ...defaultAppServices,
    onAccessChanged: (change) => collab.onAccessChanged(change),
    onCycleDocumentWritten: (cycleId, update) => collab.applyStoredUpdate(cycleId, update),
  },
  allowedOrigins,
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

// The collaboration server claims /collab/<cycleId> (session, Origin and team checked before the
// WebSocket is accepted); every other upgrade is answered 404.
server.on('upgrade', collab.handleUpgrade)

server.listen(env.PORT, env.HOST, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  const url = `http://localhost:${port}`
  log('')
  log(
    styleText('bold', `PDSA Tracker is running at ${styleText('cyan', url)}`) +
      ` (ready in ${Math.round(performance.now() - startedAt)} ms)`,
  )
  log('')
  log(`Demo sign-ins (password for all: ${DEMO_PASSWORD})`)
  for (const s of DEMO_SIGN_INS) log(`  ${s.role.padEnd(16)} ${s.email.padEnd(36)} ${s.note}`)
  log('')
})

let shuttingDown = false
async function shutdown(signal: string) {
  if (shuttingDown) return
  shuttingDown = true
  log(`${signal}: shutting down…`)
  const deadline = setTimeout(() => {
    console.error('Shutdown took longer than 25 s; exiting.')
    process.exit(1)
  }, 25_000)
  deadline.unref()
  // Edits first: commit everything pending, then close the sockets with 1012 (clients reconnect).
  await collab.close()
  await new Promise<void>((done) => server.close(() => done()))
  server.closeAllConnections()
  await closeVite?.()
  await redis?.quit()
  await database.close()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
