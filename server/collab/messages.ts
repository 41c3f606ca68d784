// Incoming messages of one connection: y-sync (step 1, step 2, update), awareness and query-awareness.
// Anything malformed closes that connection with 4400 before it can reach the document; content from
// read-only connections and changes to locked sections are dropped (never applied, never stored).
import * as decoding from 'lib0/decoding'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeAwarenessUpdate, sanitizeAwareness } from './awareness.ts'
import { CloseCode } from './close-codes.ts'
import type { Connection } from './connection.ts'
import type { CollabExtension } from './hooks.ts'
import type { CollabLimits } from './limits.ts'
import type { CollabStats } from './metrics.ts'
import { awarenessMessage, MESSAGE, permissionDenied, syncStep2 } from './protocol.ts'

export interface MessageContext {
  limits: CollabLimits
  stats: CollabStats
  /** Extensions with a `beforeHandleUpdate` hook, in priority order. */
  updateFilters: readonly CollabExtension[]
  /** True when editing connections must wait (too many unsaved bytes queued). */
  isBackedUp(): boolean
  /** Queues the raw update too (it left structs pending that the emitted update does not contain). */
  storeRaw(conn: Connection, update: Uint8Array): void
  /** Sends (now or after COMMIT) the acknowledgement of content message `seq`. */
  acknowledge(conn: Connection, seq: number): void
}

class BadMessage extends Error {}

export function handleMessage(ctx: MessageContext, conn: Connection, data: Uint8Array): void {
  if (conn.closed) return
  ctx.stats.messagesIn++
  ctx.stats.bytesIn += data.byteLength
  if (!conn.byteBucket.take(data.byteLength)) {
    rateLimited(ctx, conn)
    return
  }
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE.sync:
        if (!conn.messageBucket.take()) {
          rateLimited(ctx, conn)
          return
        }
        handleSync(ctx, conn, decoder)
        return
      case MESSAGE.awareness:
        if (!conn.awarenessFlood.take()) {
          rateLimited(ctx, conn)
          return
        }
        handleAwareness(ctx, conn, decoding.readVarUint8Array(decoder))
        return
      case MESSAGE.queryAwareness: {
        if (!conn.messageBucket.take()) {
          rateLimited(ctx, conn)
          return
        }
        const states = [...conn.room.awareness.getStates().keys()]
        if (states.length) conn.send(awarenessMessage(conn.room.awareness, states))
        return
      }
      default:
        return // auth messages and unknown types from clients carry nothing for the server
    }
  } catch {
    conn.close(CloseCode.badMessage)
  }
}

function rateLimited(ctx: MessageContext, conn: Connection) {
  ctx.stats.rateLimited++
  conn.close(CloseCode.rateLimited)
}

function handleSync(ctx: MessageContext, conn: Connection, decoder: decoding.Decoder): void {
  const subtype = decoding.readVarUint(decoder)
  if (subtype === syncProtocol.messageYjsSyncStep1) {
    const stateVector = decoding.readVarUint8Array(decoder)
    Y.decodeStateVector(stateVector) // throws on garbage before we answer
    conn.send(syncStep2(conn.room.doc, stateVector))
    return
  }
  if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) {
    throw new BadMessage(`sync subtype ${subtype}`)
  }
  handleContent(ctx, conn, decoding.readVarUint8Array(decoder))
}

function refuse(conn: Connection, reason: string) {
  if (conn.refused.has(reason)) return
  conn.refused.add(reason)
  conn.send(permissionDenied(reason))
}

function handleContent(ctx: MessageContext, conn: Connection, received: Uint8Array): void {
  let update = received
  const seq = ++conn.contentSeq
  const { room } = conn
  if (conn.identity.access !== 'edit') {
    if (update.byteLength > 2 && Y.parseUpdateMeta(update).to.size > 0) refuse(conn, 'read-only')
    ctx.stats.updatesDroppedReadOnly++
    ctx.acknowledge(conn, seq)
    return
  }
  if (ctx.isBackedUp()) {
    conn.close(CloseCode.tryAgainLater)
    return
  }
  for (const ext of ctx.updateFilters) {
    const verdict = ext.beforeHandleUpdate?.({ room, update, connection: conn })
    if (!verdict) continue
    update = verdict.update
    if (verdict.refused) {
      ctx.stats.updatesDroppedLocked++
      refuse(conn, verdict.refused)
    }
  }
  const { limits } = ctx
  if (room.byteSize + update.byteLength > limits.maxDocumentBytes) {
    room.byteSize = Y.encodeStateAsUpdate(room.doc).byteLength
    if (room.byteSize + update.byteLength > limits.maxDocumentBytes) {
      conn.close(CloseCode.documentTooLarge)
      return
    }
  }
  Y.applyUpdate(room.doc, update, conn)
  ctx.stats.updatesApplied++
  if (room.doc.store.pendingStructs || room.doc.store.pendingDs) ctx.storeRaw(conn, update)
  ctx.acknowledge(conn, seq)
}

function handleAwareness(ctx: MessageContext, conn: Connection, update: Uint8Array): void {
  if (!conn.awarenessBucket.take()) {
    // Coalesce: keep only the latest state and apply it when the connection is under its rate again.
    conn.pendingAwareness = update
    if (!conn.awarenessTimer) {
      conn.awarenessTimer = setTimeout(() => {
        conn.awarenessTimer = null
        const latest = conn.pendingAwareness
        conn.pendingAwareness = null
        if (latest && !conn.closed && conn.awarenessBucket.take()) applyAwareness(ctx, conn, latest)
        else if (latest && !conn.closed) conn.pendingAwareness = latest
      }, conn.awarenessBucket.waitMs())
    }
    return
  }
  applyAwareness(ctx, conn, update)
}

export function applyAwareness(ctx: MessageContext, conn: Connection, update: Uint8Array): void {
  const { room } = conn
  let entries: ReturnType<typeof sanitizeAwareness>
  try {
    entries = sanitizeAwareness(update, {
      ownerOf: (id) => room.owners.get(id),
      self: conn,
      user: { id: conn.identity.userId, name: conn.identity.userName },
      maxStateBytes: ctx.limits.maxAwarenessStateBytes,
    })
  } catch {
    conn.close(CloseCode.badMessage)
    return
  }
  if (entries.length === 0) {
    ctx.stats.awarenessDropped++
    return
  }
  for (const e of entries) {
    if (e.json === 'null') continue
    room.owners.set(e.clientId, conn)
    conn.clientIds.add(e.clientId)
  }
  applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(entries), conn)
  for (const e of entries) {
    if (e.json !== 'null') continue
    room.owners.delete(e.clientId)
    conn.clientIds.delete(e.clientId)
  }
}
