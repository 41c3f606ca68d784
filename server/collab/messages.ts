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

/**
 * A message from the socket. Over its rate a connection is slowed down, not dropped: the message
 * waits in the connection's inbox, reading from the socket pauses (TCP backpressure reaches the
 * client, whose sends queue up locally), and the inbox is processed in order as tokens come back.
 * Stock y-websocket clients treat 44xx closes as final, so a burst must never end the connection;
 * only a client that got more than `maxQueuedBytes` in before the pause took effect is closed, with
 * 1013 (try again later), which every client retries.
 */
export function receiveMessage(ctx: MessageContext, conn: Connection, data: Uint8Array): void {
  if (conn.closed) return
  if (conn.inbox.length > 0 && conn.inboxBytes + data.byteLength > ctx.limits.maxQueuedBytes) {
    ctx.stats.rateLimited++
    conn.close(CloseCode.tryAgainLater)
    return
  }
  conn.inbox.push(data)
  conn.inboxBytes += data.byteLength
  if (conn.inbox.length === 1 && !conn.drainTimer) drainInbox(ctx, conn)
}

/** The bucket a message counts against, by its type (the first byte of every y-websocket message). */
function bucketOf(conn: Connection, data: Uint8Array) {
  switch (data[0]) {
    case MESSAGE.sync:
    case MESSAGE.queryAwareness:
      return conn.messageBucket
    case MESSAGE.awareness:
      return conn.awarenessFlood
    default:
      return null
  }
}

function drainInbox(ctx: MessageContext, conn: Connection): void {
  conn.drainTimer = null
  while (!conn.closed && conn.inbox.length > 0) {
    const data = conn.inbox[0] as Uint8Array
    const bucket = bucketOf(conn, data)
    if (!conn.byteBucket.has(data.byteLength) || (bucket && !bucket.has())) {
      const wait = Math.max(conn.byteBucket.waitMs(data.byteLength), bucket?.waitMs() ?? 0, 1)
      if (!conn.throttled) ctx.stats.throttled++
      conn.throttle()
      conn.drainTimer = setTimeout(() => drainInbox(ctx, conn), wait)
      return
    }
    conn.byteBucket.take(data.byteLength)
    bucket?.take()
    conn.inbox.shift()
    conn.inboxBytes -= data.byteLength
    handleMessage(ctx, conn, data)
  }
  if (!conn.closed && conn.throttled) {
    conn.throttled = false
    conn.ws.resume()
  }
}

/** One message, within the connection's rate (see receiveMessage). */
export function handleMessage(ctx: MessageContext, conn: Connection, data: Uint8Array): void {
  if (conn.closed) return
  ctx.stats.messagesIn++
  ctx.stats.bytesIn += data.byteLength
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE.sync:
        handleSync(ctx, conn, decoder)
        return
      case MESSAGE.awareness:
        handleAwareness(ctx, conn, decoding.readVarUint8Array(decoder))
        return
      case MESSAGE.queryAwareness: {
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
