// The collaboration server of the PDSA worksheet: the generic y-websocket server (server.ts) with
// cycle storage (persistence.ts) and the cycle rules (cycle-extension.ts).
import { randomUUID } from 'node:crypto'
import type { SessionConfig } from '../auth/session.ts'
import type { Db } from '../db/client.ts'
import { cycleExtension } from './cycle-extension.ts'
import { cycleDocumentStorage, type DocumentStorage } from './persistence.ts'
import { type CollabServer, type CollabServerOptions, createCollabServer } from './server.ts'

export { CloseCode } from './close-codes.ts'
export type { CollabExtension } from './hooks.ts'
export type { DocumentStorage } from './persistence.ts'
export type { CollabObserver, CollabServer } from './server.ts'

export interface CycleCollabServerOptions
  extends Omit<CollabServerOptions, 'storage' | 'extensions' | 'redis' | 'instanceId'> {
  db: Db
  session: SessionConfig
  allowedOrigins: readonly string[]
  /** Share documents with other instances through Redis. */
  redisUrl?: string
  redisPrefix?: string
  antiEntropyIntervalMs?: number
  instanceId?: string
  now?: () => Date
  mirrorDelayMs?: number
  mirrorMaxDelayMs?: number
  /** New notifications from @mentions in the worksheet (live updates). */
  onNotified?: (recipientIds: string[]) => void
  /** Wraps the database storage (tests inject a slow or failing database). */
  wrapStorage?: (storage: DocumentStorage) => DocumentStorage
}

export type CycleCollabServer = CollabServer & { textMirrorWrites(): number }

export async function createCycleCollabServer(options: CycleCollabServerOptions): Promise<CycleCollabServer> {
  const {
    db,
    session,
    allowedOrigins,
    redisUrl,
    redisPrefix,
    antiEntropyIntervalMs,
    now,
    mirrorDelayMs,
    mirrorMaxDelayMs,
    wrapStorage,
    onNotified,
    ...rest
  } = options
  const instanceId = options.instanceId ?? randomUUID().slice(0, 8)
  const cycle = cycleExtension({
    db,
    session,
    allowedOrigins,
    ...(now ? { now } : {}),
    ...(mirrorDelayMs !== undefined ? { mirrorDelayMs } : {}),
    ...(mirrorMaxDelayMs !== undefined ? { mirrorMaxDelayMs } : {}),
    ...(rest.log ? { log: rest.log } : {}),
    ...(onNotified ? { onNotified } : {}),
  })
  const server = await createCollabServer({
    ...rest,
    instanceId,
    storage: (wrapStorage ?? ((s) => s))(cycleDocumentStorage(db, instanceId)),
    extensions: [cycle],
    redis: redisUrl
      ? {
          url: redisUrl,
          ...(redisPrefix ? { prefix: redisPrefix } : {}),
          ...(antiEntropyIntervalMs ? { antiEntropyIntervalMs } : {}),
        }
      : null,
  })
  return Object.assign(server, { textMirrorWrites: () => cycle.mirror.writes })
}
