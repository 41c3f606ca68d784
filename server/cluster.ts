// `pnpm start`: the production server on every core. The primary process applies the migrations once, then
// forks WEB_CONCURRENCY workers (default: one per core) that each run the ordinary start-up (server/index.ts)
// and share the port (node:cluster hands each new connection to the next worker). Collaboration rooms of
// different workers meet through Redis pub/sub, so more than one worker needs PostgreSQL and REDIS_URL; without
// them this is one plain process (server/cluster-plan.ts; docs/decisions/027-server-throughput-and-page-weight.md).
import cluster, { type Worker } from 'node:cluster'
import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { planWorkers } from './cluster-plan.ts'
import { databaseTarget, env } from './env.ts'

const log = (message: string) => {
  if (env.LOG_LEVEL !== 'silent') console.info(message)
}

if (cluster.isWorker) {
  await import('./index.ts')
} else {
  const plan = planWorkers(env, availableParallelism())
  if (!plan.ok) {
    console.error(plan.error)
    process.exit(1)
  }
  if (plan.note) log(plan.note)
  if (plan.workers === 1) {
    await import('./index.ts')
  } else {
    await runPrimary(plan.workers)
  }
}

async function runPrimary(count: number): Promise<void> {
  // Migrations once, before any worker starts (workers then find nothing to apply).
  const { openDatabase } = await import('./db/client.ts')
  const { migrateDatabase } = await import('./db/migrate.ts')
  const database = await openDatabase(databaseTarget(env))
  try {
    const applied = await migrateDatabase(database)
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`)
  } finally {
    await database.close()
  }

  const instanceBase = env.COLLAB_INSTANCE_ID?.slice(0, 56) ?? randomUUID().slice(0, 8)
  let shuttingDown = false
  let listening = 0
  let quickExits = 0
  const fork = (slot: number): Worker => {
    const startedAt = Date.now()
    const worker = cluster.fork({ COLLAB_INSTANCE_ID: `${instanceBase}-w${slot}` })
    worker.once('listening', () => {
      listening++
      quickExits = 0
      if (listening === count)
        log(`${count} workers listening (WEB_CONCURRENCY=${count}, pid ${process.pid}).`)
    })
    worker.once('exit', (code, signal) => {
      if (shuttingDown) return
      console.error(
        `Worker ${slot} (pid ${worker.process.pid}) exited (${signal ?? code}); starting another.`,
      )
      // A worker that dies during start-up again and again would otherwise be restarted for ever.
      if (Date.now() - startedAt < 10_000 && ++quickExits >= 3) {
        console.error('Workers keep failing at start-up; exiting.')
        process.exit(1)
      }
      fork(slot)
    })
    return worker
  }
  for (let slot = 1; slot <= count; slot++) fork(slot)

  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return
    shuttingDown = true
    log(`${signal}: stopping ${count} workers…`)
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    let left = workers.length
    if (left === 0) process.exit(0)
    for (const w of workers) {
      w.once('exit', () => {
        if (--left === 0) process.exit(0)
      })
      // Each worker commits pending edits and closes its sockets (server/index.ts's shutdown).
      w.process.kill('SIGTERM')
    }
    setTimeout(() => {
      console.error('Workers took longer than 30 s to stop; exiting.')
      process.exit(1)
    }, 30_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}
