// How many server processes to run (docs/decisions/027-server-throughput-and-page-weight.md). Pure, so the
// rules are unit-tested without forking anything.

export interface WorkerPlanInput {
  NODE_ENV: 'development' | 'production' | 'test'
  DATABASE_URL?: string | undefined
  REDIS_URL?: string | undefined
  WEB_CONCURRENCY?: number | undefined
}

export type WorkerPlan = { ok: true; workers: number; note?: string } | { ok: false; error: string }

/**
 * One worker per core in production on PostgreSQL with Redis; otherwise one process:
 * - the embedded PGlite database lives in one process, so a second worker could not open it;
 * - without Redis, the collaboration rooms of different workers would never hear of each other's edits
 *   (a person on worker 1 would not see a colleague typing on worker 2), so more than one worker needs REDIS_URL.
 * An explicit WEB_CONCURRENCY > 1 that cannot be honoured is a configuration error, not a silent fallback.
 */
export function planWorkers(env: WorkerPlanInput, cores: number): WorkerPlan {
  const requested = env.WEB_CONCURRENCY
  const explicitMany = requested !== undefined && requested > 1
  if (env.NODE_ENV !== 'production') {
    if (explicitMany)
      return { ok: false, error: 'WEB_CONCURRENCY > 1 is for the production server (NODE_ENV=production).' }
    return { ok: true, workers: 1 }
  }
  if (!env.DATABASE_URL) {
    if (explicitMany)
      return {
        ok: false,
        error:
          'WEB_CONCURRENCY > 1 needs PostgreSQL (DATABASE_URL): the embedded database can only be opened by one process.',
      }
    return { ok: true, workers: 1 }
  }
  if (!env.REDIS_URL) {
    if (explicitMany)
      return {
        ok: false,
        error:
          'WEB_CONCURRENCY > 1 needs REDIS_URL: collaboration edits reach the other workers through Redis pub/sub.',
      }
    return cores > 1 && requested === undefined
      ? { ok: true, workers: 1, note: `One worker: set REDIS_URL to serve on all ${cores} cores.` }
      : { ok: true, workers: 1 }
  }
  return { ok: true, workers: Math.max(1, requested ?? cores) }
}
