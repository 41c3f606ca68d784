// Keeps a document consistent across instances: applies what other instances publish, publishes
// local changes, and repairs what pub/sub lost (it delivers at most once) with a periodic
// state-vector exchange: each instance publishes its state vector and a hash of its delete set,
// and any instance that has more (or other deletions) answers with exactly the missing part.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { CollabStats } from './metrics.ts'
import type { DocumentStorage } from './persistence.ts'
import { FANOUT_KIND, type FanoutFrame, type RedisFanout } from './redis-fanout.ts'
import { ORIGIN_REDIS, ORIGIN_STORAGE, type Room } from './room.ts'

export interface ReplicationOptions {
  redis: RedisFanout
  rooms: ReadonlyMap<string, Room>
  stats: CollabStats
  storage: DocumentStorage | null
  instanceId: string
  intervalMs: number
  log: (message: string, error?: unknown) => void
}

/** FNV-1a of the delete set (deterministic: Yjs writes delete sets sorted and merged). */
export function deleteSetHash(doc: Y.Doc): number {
  const bytes = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i] as number
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

function compareStateVectors(ours: Map<number, number>, theirs: Map<number, number>) {
  let weHaveMore = false
  let theyHaveMore = false
  for (const [client, clock] of ours) if (clock > (theirs.get(client) ?? 0)) weHaveMore = true
  for (const [client, clock] of theirs) if (clock > (ours.get(client) ?? 0)) theyHaveMore = true
  return { weHaveMore, theyHaveMore }
}

export class Replication {
  private readonly loadBuffers = new Map<string, FanoutFrame[]>()
  private readonly timer: NodeJS.Timeout

  constructor(private readonly o: ReplicationOptions) {
    this.timer = setInterval(() => this.antiEntropy(), o.intervalMs)
    this.timer.unref()
  }

  /** Subscribes before the document is read from storage; frames that arrive meanwhile wait. */
  async beginLoad(name: string): Promise<void> {
    this.loadBuffers.set(name, [])
    await this.o.redis.subscribe(name)
  }

  abortLoad(name: string): void {
    this.loadBuffers.delete(name)
    void this.o.redis.unsubscribe(name)
  }

  endLoad(room: Room): void {
    const frames = this.loadBuffers.get(room.name) ?? []
    this.loadBuffers.delete(room.name)
    for (const frame of frames) this.handle(room, frame)
    // Catch up with instances that already hold the document, and learn who is there.
    this.requestSync(room, true)
    this.o.redis.publish(room.name, FANOUT_KIND.awarenessQuery, new Uint8Array())
  }

  unsubscribe(name: string): Promise<void> {
    return this.o.redis.unsubscribe(name)
  }

  onFrame(name: string, frame: FanoutFrame): void {
    const buffer = this.loadBuffers.get(name)
    if (buffer) {
      buffer.push(frame)
      return
    }
    const room = this.o.rooms.get(name)
    if (room && !room.unloading) this.handle(room, frame)
  }

  publishUpdate(name: string, update: Uint8Array): void {
    if (this.o.redis.publish(name, FANOUT_KIND.update, update)) this.o.stats.redisPublished++
  }

  publishAwareness(room: Room, ids: number[]): void {
    // Only clients the awareness knows (a claimed id whose first state was a no-op has no entry).
    const clients = ids.filter((id) => room.awareness.meta.has(id))
    if (clients.length === 0) return
    const update = encodeAwarenessUpdate(room.awareness, clients)
    if (this.o.redis.publish(room.name, FANOUT_KIND.awareness, update)) this.o.stats.redisPublished++
  }

  /** Redis came back: messages may have been lost, in both directions. */
  onReconnect(): void {
    for (const room of this.o.rooms.values()) {
      if (room.unloading) continue
      this.requestSync(room, true)
      const local = [...room.owners.keys()]
      if (local.length) this.publishAwareness(room, local)
      this.o.redis.publish(room.name, FANOUT_KIND.awarenessQuery, new Uint8Array())
      // What other instances committed while we could not hear them is in the database too.
      this.o.storage
        ?.readState(room.name)
        .then((stored) => {
          if (room.unloading || stored.updates.length === 0) return
          room.doc.transact(() => {
            for (const update of stored.updates) Y.applyUpdate(room.doc, update)
          }, ORIGIN_STORAGE)
        })
        .catch((error: unknown) => this.o.log('Collaboration: re-reading a document failed', error))
    }
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private antiEntropy(): void {
    for (const room of this.o.rooms.values()) if (!room.unloading) this.requestSync(room, true)
  }

  private requestSync(room: Room, force: boolean): void {
    const now = Date.now()
    if (!force && now - room.lastSyncRequestAt < 1_000) return
    room.lastSyncRequestAt = now
    const e = encoding.createEncoder()
    encoding.writeVarUint8Array(e, Y.encodeStateVector(room.doc))
    encoding.writeVarUint(e, deleteSetHash(room.doc))
    this.o.redis.publish(room.name, FANOUT_KIND.syncRequest, encoding.toUint8Array(e))
  }

  private handle(room: Room, frame: FanoutFrame): void {
    this.o.stats.redisReceived++
    try {
      switch (frame.kind) {
        case FANOUT_KIND.update:
          Y.applyUpdate(room.doc, frame.payload, ORIGIN_REDIS)
          return
        case FANOUT_KIND.awareness:
          applyAwarenessUpdate(room.awareness, frame.payload, ORIGIN_REDIS)
          return
        case FANOUT_KIND.syncRequest:
          this.answer(room, frame)
          return
        case FANOUT_KIND.syncReply: {
          let changed = false
          const onUpdate = () => {
            changed = true
          }
          room.doc.on('update', onUpdate)
          Y.applyUpdate(room.doc, frame.payload, ORIGIN_REDIS)
          room.doc.off('update', onUpdate)
          if (changed) this.o.stats.antiEntropyRepairs++
          return
        }
        case FANOUT_KIND.awarenessQuery: {
          const local = [...room.owners.keys()]
          if (local.length) this.publishAwareness(room, local)
          return
        }
      }
    } catch (error) {
      this.o.log(`Collaboration: could not apply a message from instance ${frame.from}`, error)
    }
  }

  private answer(room: Room, frame: FanoutFrame): void {
    const d = decoding.createDecoder(frame.payload)
    const theirVector = decoding.readVarUint8Array(d)
    const theirHash = decoding.readVarUint(d)
    const { weHaveMore, theyHaveMore } = compareStateVectors(
      Y.decodeStateVector(Y.encodeStateVector(room.doc)),
      Y.decodeStateVector(theirVector),
    )
    const deletionsDiffer = theirHash !== deleteSetHash(room.doc)
    if (weHaveMore || deletionsDiffer) {
      const missing = Y.encodeStateAsUpdate(room.doc, theirVector)
      this.o.redis.publish(room.name, FANOUT_KIND.syncReply, missing, frame.from)
    }
    if (theyHaveMore || deletionsDiffer) this.requestSync(room, false)
  }
}
