// Operations metrics in the Prometheus format (prom-client), served at /metrics (server/ops/routes.ts).
// One registry per process: HTTP requests by route pattern, tRPC procedures, the collaboration server
// (sockets, open documents, group commit, Redis fan-out lag) and the database pool. Labels never hold
// a raw URL, an id or a user: only route patterns, procedure names, methods and status classes.
import type { Pool } from 'pg'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { CollabObserver, CollabServer } from '../collab/index.ts'

export const registry = new Registry()
collectDefaultMetrics({ register: registry })

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by route pattern (not the raw URL), method and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: latencyBuckets,
  registers: [registry],
})

export const trpcProcedureDuration = new Histogram({
  name: 'trpc_procedure_duration_seconds',
  help: 'tRPC procedure calls by procedure, type and outcome (ok or the tRPC error code).',
  labelNames: ['procedure', 'type', 'outcome'] as const,
  buckets: latencyBuckets,
  registers: [registry],
})

export const trpcProcedureErrors = new Counter({
  name: 'trpc_procedure_errors_total',
  help: 'tRPC procedure calls that failed, by procedure and tRPC error code.',
  labelNames: ['procedure', 'code'] as const,
  registers: [registry],
})

/** Records one tRPC call (the procedure middleware in server/trpc/init.ts). */
export function observeProcedure(procedure: string, type: string, seconds: number, errorCode: string | null) {
  trpcProcedureDuration.observe({ procedure, type, outcome: errorCode ?? 'ok' }, seconds)
  if (errorCode) trpcProcedureErrors.inc({ procedure, code: errorCode })
}

const groupCommitDuration = new Histogram({
  name: 'collab_group_commit_seconds',
  help: 'Collaboration group commit: time of one batch INSERT up to COMMIT (acknowledgements follow it).',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
})

const groupCommitRows = new Counter({
  name: 'collab_group_commit_rows_total',
  help: 'Update rows written by the collaboration group commit.',
  registers: [registry],
})

const fanoutLag = new Histogram({
  name: 'collab_redis_fanout_lag_seconds',
  help: 'Time from another instance publishing a collaboration frame to this instance receiving it.',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
})

/** Hooks the collaboration server calls (pass as `observer` when creating it). */
export const collabObserver: Required<CollabObserver> = {
  commit(seconds, rows) {
    groupCommitDuration.observe(seconds)
    groupCommitRows.inc(rows)
  },
  fanoutLag(seconds) {
    fanoutLag.observe(seconds)
  },
}

// Sources read at scrape time (a process normally has one of each; tests may start several).
const collabServers = new Set<CollabServer>()
const pools = new Set<Pool>()

/** Reports this collaboration server's sockets and documents until `unregister` is called. */
export function registerCollabServer(server: CollabServer): () => void {
  collabServers.add(server)
  return () => collabServers.delete(server)
}

/** Reports this PostgreSQL pool's connections (PGlite has no pool). */
export function registerDatabasePool(pool: Pool): () => void {
  pools.add(pool)
  return () => pools.delete(pool)
}

const sumOfCollab = (pick: (s: ReturnType<CollabServer['stats']>) => number) =>
  [...collabServers].reduce((n, s) => n + pick(s.stats()), 0)

new Gauge({
  name: 'collab_connections',
  help: 'Open collaboration WebSocket connections.',
  registers: [registry],
  collect() {
    this.set(sumOfCollab((s) => s.connections))
  },
})

new Gauge({
  name: 'collab_documents_open',
  help: 'Collaborative documents loaded in memory.',
  registers: [registry],
  collect() {
    this.set(sumOfCollab((s) => s.rooms))
  },
})

new Gauge({
  name: 'collab_pending_bytes',
  help: 'Received collaboration bytes not committed to the database yet.',
  registers: [registry],
  collect() {
    this.set(sumOfCollab((s) => s.pendingBytes))
  },
})

/** Cumulative counters of the collaboration server (its own stats), read at scrape time. */
const collabCounters: [name: string, help: string, pick: (s: ReturnType<CollabServer['stats']>) => number][] =
  [
    ['collab_connections_opened_total', 'Collaboration connections accepted.', (s) => s.connectionsOpened],
    ['collab_messages_in_total', 'Collaboration messages received.', (s) => s.messagesIn],
    ['collab_persist_errors_total', 'Failed group-commit batches (retried).', (s) => s.persistErrors],
    ['collab_throttled_total', 'Times a connection over its rate was paused.', (s) => s.throttled],
    [
      'collab_rate_limited_total',
      'Connections closed for queueing too much over their rate.',
      (s) => s.rateLimited,
    ],
    ['collab_redis_published_total', 'Frames published to Redis.', (s) => s.redisPublished],
    ['collab_redis_received_total', 'Frames received from other instances.', (s) => s.redisReceived],
    [
      'collab_anti_entropy_repairs_total',
      'Changes repaired by the state-vector exchange.',
      (s) => s.antiEntropyRepairs,
    ],
  ]
for (const [name, help, pick] of collabCounters) {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset()
      this.inc(sumOfCollab(pick))
    },
  })
}

new Gauge({
  name: 'db_pool_connections',
  help: 'PostgreSQL pool connections by state (total, idle, waiting clients).',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    this.reset()
    if (pools.size === 0) return
    let total = 0
    let idle = 0
    let waiting = 0
    for (const pool of pools) {
      total += pool.totalCount
      idle += pool.idleCount
      waiting += pool.waitingCount
    }
    this.set({ state: 'total' }, total)
    this.set({ state: 'idle' }, idle)
    this.set({ state: 'waiting' }, waiting)
  },
})
