// Recurring and background jobs on pg-boss (ADR 029): PostgreSQL-backed, so schedules and jobs survive
// restarts and several instances share them (a cron schedule fires once per slot across instances).
// On the embedded database pg-boss reaches PGlite through @electric-sql/pglite-socket (measured in ADR 029).

import type { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import PgBoss from 'pg-boss'

export type JobHandler = (job: { id: string; name: string; data: unknown }) => Promise<void>

export interface JobQueue {
  /** Runs `handler` on `cron` (5 fields, in `timeZone`, default UTC), once per slot across instances. */
  registerRecurringJob(
    name: string,
    cron: string,
    handler: JobHandler,
    options?: { timeZone?: string },
  ): Promise<void>
  /** A one-off job, retried with back-off; the same singletonKey is queued once at a time. */
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<string | null>
  work(name: string, handler: JobHandler): Promise<void>
  stop(): Promise<void>
}

export const JOB_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const

export async function startJobQueue(
  target: { kind: 'postgres'; url: string } | { kind: 'pglite'; pglite: PGlite },
  options: { onError?: (error: Error) => void; schema?: string } = {},
): Promise<JobQueue> {
  let socket: PGLiteSocketServer | undefined
  let connectionString: string
  if (target.kind === 'pglite') {
    socket = new PGLiteSocketServer({ db: target.pglite, host: '127.0.0.1', port: 0, maxConnections: 4 })
    await socket.start()
    connectionString = `postgres://postgres@${socket.getServerConn()}/postgres`
  } else {
    connectionString = target.url
  }
  const boss = new PgBoss({
    connectionString,
    schema: options.schema ?? 'pgboss',
    max: target.kind === 'pglite' ? 2 : 4,
    ...(target.kind === 'pglite' ? { ssl: false } : {}),
  })
  boss.on('error', (error) => options.onError?.(error))
  await boss.start()
  // Instances starting together create the same queues at once: pg-boss's createQueue then deadlocks
  // or conflicts in one of them (seen with two instances on PostgreSQL). Whoever loses finds the queue
  // made by the other on a retry.
  const ensureQueue = async (name: string) => {
    for (let attempt = 1; ; attempt++) {
      if (await boss.getQueue(name)) return
      try {
        await boss.createQueue(name, { name, ...JOB_RETRY })
        return
      } catch (error) {
        if (attempt >= 5) throw error
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt))
      }
    }
  }
  const work = async (name: string, handler: JobHandler) => {
    await ensureQueue(name)
    await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) await handler({ id: job.id, name: job.name, data: job.data })
    })
  }
  return {
    async registerRecurringJob(name, cron, handler, scheduleOptions = {}) {
      await work(name, handler)
      await boss.schedule(name, cron, {}, { tz: scheduleOptions.timeZone ?? 'UTC', ...JOB_RETRY })
    },
    async send(name, data, sendOptions = {}) {
      await ensureQueue(name)
      return boss.send(name, data, { ...JOB_RETRY, ...sendOptions })
    },
    work,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
      await socket?.stop()
    },
  }
}
