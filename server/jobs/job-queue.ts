// Recurring and background jobs (ADR 029). On PostgreSQL, pg-boss: schedules and jobs live in the
// database, so they survive restarts and several instances share them (a cron schedule fires once per
// slot across instances). On the embedded database (PGlite: one process, one database session) the same
// handlers run on an in-process queue with the same cron schedules and retries: pg-boss reached PGlite
// through @electric-sql/pglite-socket, whose statements interleave with Prisma's on PGlite's single
// session (inside its transactions), and under the browser tests' load pg-boss read another statement's
// result and crashed the server. Every job handler here is idempotent (a scan, or a queue round keyed by
// idempotency keys), so a wake-up lost to a restart costs nothing: the next schedule does the work.

import cronParser from 'cron-parser'
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

/**
 * The job queue of an embedded (PGlite) instance: the same interface and schedules, in this process.
 * Jobs of one name run one at a time, in order; a failed job is retried JOB_RETRY.retryLimit times with
 * a doubling delay from JOB_RETRY.retryDelay seconds; `send` with a singletonKey already waiting adds
 * nothing. Pending one-off jobs do not survive a restart (see the file's header).
 */
export function startInProcessJobQueue(
  options: { onError?: (error: Error) => void; retryDelayMs?: number } = {},
): JobQueue {
  const handlers = new Map<string, JobHandler>()
  const tails = new Map<string, Promise<void>>()
  const waitingKeys = new Set<string>()
  const timers = new Set<NodeJS.Timeout>()
  let stopped = false
  let nextId = 0
  const retryDelayMs = options.retryDelayMs ?? JOB_RETRY.retryDelay * 1000
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timer.unref()
    timers.add(timer)
  }
  const run = (name: string, data: unknown, singletonKey?: string, attempt = 0) => {
    const id = `in-process-${++nextId}`
    const previous = tails.get(name) ?? Promise.resolve()
    const current = previous.then(async () => {
      if (singletonKey) waitingKeys.delete(`${name}\u0000${singletonKey}`)
      const handler = handlers.get(name)
      if (!handler || stopped) return
      try {
        await handler({ id, name, data })
      } catch (error) {
        options.onError?.(error instanceof Error ? error : new Error(String(error)))
        if (attempt < JOB_RETRY.retryLimit && !stopped)
          later(retryDelayMs * 2 ** attempt, () => run(name, data, undefined, attempt + 1))
      }
    })
    tails.set(name, current)
    return id
  }
  return {
    async registerRecurringJob(name, cron, handler, scheduleOptions = {}) {
      handlers.set(name, handler)
      const interval = cronParser.parseExpression(cron, { tz: scheduleOptions.timeZone ?? 'UTC' })
      const scheduleNext = () => {
        if (stopped) return
        const at = interval.next().toDate().getTime()
        later(Math.max(0, at - Date.now()), () => {
          run(name, {})
          scheduleNext()
        })
      }
      scheduleNext()
    },
    async send(name, data, sendOptions = {}) {
      const key = sendOptions.singletonKey ? `${name}\u0000${sendOptions.singletonKey}` : null
      if (key) {
        if (waitingKeys.has(key)) return null
        waitingKeys.add(key)
      }
      return run(name, data, sendOptions.singletonKey)
    },
    async work(name, handler) {
      handlers.set(name, handler)
    },
    async stop() {
      stopped = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await Promise.all(tails.values())
    },
  }
}

/** pg-boss on PostgreSQL; the in-process queue on the embedded database (see the file's header). */
export async function startJobQueue(
  target: { kind: 'postgres'; url: string } | { kind: 'pglite' },
  options: { onError?: (error: Error) => void; schema?: string } = {},
): Promise<JobQueue> {
  if (target.kind === 'pglite') return startInProcessJobQueue(options)
  const boss = new PgBoss({ connectionString: target.url, schema: options.schema ?? 'pgboss', max: 4 })
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
    },
  }
}
