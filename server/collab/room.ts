// A document in memory: the Y.Doc, its awareness, the connections on it, and its lifecycle state.
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Connection } from './connection.ts'
import type { RoomView } from './hooks.ts'

/** Transaction origins of changes that did not come from a local connection. */
export const ORIGIN_LOAD = Symbol('load')
export const ORIGIN_REDIS = Symbol('redis')
export const ORIGIN_STORAGE = Symbol('storage')

export class Room implements RoomView {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new Awareness(this.doc)
  readonly conns = new Set<Connection>()
  /** Awareness client id → the local connection that claimed it. */
  readonly owners = new Map<number, Connection>()
  locked: readonly string[] = []
  readonly context: Record<string, unknown> = {}
  lastChangeAt = Date.now()
  /** Estimated encoded size (stored bytes + bytes applied since); made exact when it nears the limit. */
  byteSize = 0
  /** Update rows stored and not yet compacted. */
  rowCount = 0
  /** Upgrades that have this room and are about to attach (keeps it from unloading meanwhile). */
  joining = 0
  unloadTimer: NodeJS.Timeout | null = null
  idleTimer: NodeJS.Timeout | null = null
  unloading: Promise<void> | null = null
  compacting: Promise<void> | null = null
  /** Anti-entropy requests this room sent, to answer peers at most once a second. */
  lastSyncRequestAt = 0

  constructor(readonly name: string) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
  }

  setLocked(locked: readonly string[]): void {
    if (locked.length === this.locked.length && locked.every((k) => this.locked.includes(k))) return
    this.locked = [...locked]
    for (const conn of this.conns) conn.sendAccess()
  }

  broadcast(data: Uint8Array, except?: Connection): void {
    for (const conn of this.conns) if (conn !== except) conn.send(data)
  }

  clearTimers(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer)
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.unloadTimer = null
    this.idleTimer = null
  }

  destroy(): void {
    this.clearTimers()
    this.awareness.destroy()
    this.doc.destroy()
  }
}
