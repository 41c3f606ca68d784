// The collaboration server: y-websocket protocol (sync + awareness) on an existing HTTP server's
// upgrade event. Documents load (single flight) before any client is accepted; updates fan out to
// local connections at once, to other instances through Redis, and into the group commit, whose
// COMMIT is acknowledged to the senders. See docs/decisions/004-collaboration-server.md.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, httpRejection, UpgradeRejection, type UpgradeRejectionStatus } from './close-codes.ts'
import { Connection } from './connection.ts'
import { GroupCommit } from './group-commit.ts'
import {
  type AuthenticateResult,
  type CollabExtension,
  type ConnectionIdentity,
  type RoomView,
  sortExtensions,
} from './hooks.ts'
import { type CollabLimits, DEFAULT_LIMITS } from './limits.ts'
import { type MessageContext, receiveMessage } from './messages.ts'
import { type CollabStats, countBy, createStats } from './metrics.ts'
import type { DocumentStorage } from './persistence.ts'
import { awarenessMessage, persistedMessage, syncStep1, syncUpdate } from './protocol.ts'
import { RedisFanout } from './redis-fanout.ts'
import { Replication } from './replication.ts'
import { ORIGIN_LOAD, ORIGIN_REDIS, ORIGIN_STORAGE, Room } from './room.ts'

export interface CollabServerOptions {
  /** Where documents are stored; null: relay only (nothing persisted, no acknowledgements). */
  storage: DocumentStorage | null
  extensions?: CollabExtension[]
  limits?: Partial<CollabLimits>
  /** The path prefix; a document is at `<path>/<name>`. */
  path?: string
  /** Valid document names (default: a UUID). */
  documentNamePattern?: RegExp
  instanceId?: string
  /** Several instances share documents through Redis pub/sub when set. */
  redis?: { url: string; prefix?: string; antiEntropyIntervalMs?: number } | null
  /** Group-commit window. */
  commitDelayMs?: number
  /** How long a document with no clients stays in memory. */
  unloadGraceMs?: number
  /** Compact after this many stored rows, or after this long without changes. */
  compactAfterRows?: number
  compactIdleMs?: number
  /** How often sessions, memberships and stages of open connections are re-checked. */
  revalidateIntervalMs?: number
  log?: (message: string, error?: unknown) => void
  /** Timings for the operations metrics (server/ops/metrics.ts). */
  observer?: CollabObserver
}

export interface CollabObserver {
  /** A group-commit batch was committed: how long its INSERT took, and its rows. */
  commit?(seconds: number, rows: number): void
  /** A frame from another instance arrived through Redis this long after it was published. */
  fanoutLag?(seconds: number): void
}

export interface CollabServer {
  readonly instanceId: string
  /** The `upgrade` listener of the HTTP server (answers 404 outside the collaboration path). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Memberships or sessions changed: re-check open connections now (on every instance). */
  onAccessChanged(change: { userId?: string; teamId?: string }): void
  revalidate(): Promise<void>
  stats(): CollabStats & { rooms: number; connections: number; pendingBytes: number }
  room(name: string): RoomView | undefined
  /**
   * An update another writer already committed to storage (the API writing a section): applied to the
   * document where it is loaded (editors see it at once), on every instance; not stored again here.
   */
  applyStoredUpdate(name: string, update: Uint8Array): void
  /** Resolves when every update received so far is committed. */
  flush(): Promise<void>
  /** Graceful shutdown: refuse new clients, commit everything, close sockets with 1012, clean up. */
  close(): Promise<void>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const anonymous: ConnectionIdentity = { userId: null, userName: 'Anonymous', sessionId: null, access: 'edit' }

export async function createCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const stats = createStats()
  const extensions = sortExtensions(options.extensions ?? [])
  const { storage } = options
  const prefix = (options.path ?? '/collab').replace(/\/$/, '')
  const namePattern = options.documentNamePattern ?? UUID
  const instanceId = options.instanceId ?? randomUUID().slice(0, 8)
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''))
  const unloadGraceMs = options.unloadGraceMs ?? 10_000
  const compactAfterRows = options.compactAfterRows ?? 200
  const compactIdleMs = options.compactIdleMs ?? 30_000
  const rooms = new Map<string, Room>()
  const loading = new Map<string, Promise<Room>>()
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  })
  let closing = false

  const queue = storage
    ? new GroupCommit({
        append: (rows) => storage.append(rows),
        onCommitted,
        stats,
        delayMs: options.commitDelayMs ?? 10,
        ...(options.observer?.commit ? { observeCommit: options.observer.commit } : {}),
        log,
      })
    : null

  const messageContext: MessageContext = {
    limits,
    stats,
    updateFilters: extensions.filter((e) => e.beforeHandleUpdate),
    isBackedUp: () => (queue?.pendingBytes ?? 0) > limits.maxPendingBytes,
    storeRaw: (conn, update) => queue?.enqueue(conn.room.name, update, conn.identity.userId),
    acknowledge,
  }

  let replication: Replication | null = null
  const redis = options.redis
    ? await RedisFanout.create({
        url: options.redis.url,
        prefix: options.redis.prefix ?? 'pdsa:collab:',
        instanceId,
        onFrame: (name, frame) => replication?.onFrame(name, frame),
        onAccessChanged: () => scheduleRevalidate(),
        onReconnect: () => replication?.onReconnect(),
        ...(options.observer?.fanoutLag ? { onLag: options.observer.fanoutLag } : {}),
        log,
      })
    : null
  replication = redis
    ? new Replication({
        redis,
        rooms,
        stats,
        storage,
        instanceId,
        intervalMs: options.redis?.antiEntropyIntervalMs ?? 10_000,
        log,
      })
    : null

  // ───────────── acknowledgements ─────────────

  function acknowledge(conn: Connection, seq: number) {
    if (!conn.wantsAcks || !queue) return
    const name = conn.room.name
    const epoch = queue.lastEnqueued(name)
    const stateVector = Y.encodeStateVector(conn.room.doc)
    if (conn.pendingAcks.length === 0 && epoch <= queue.lastCommitted(name)) {
      stats.acksSent++
      conn.send(persistedMessage(seq, stateVector))
    } else {
      conn.pendingAcks.push({ seq, epoch, stateVector })
    }
  }

  function onCommitted(name: string, epoch: number, rows: number) {
    const room = rooms.get(name)
    if (!room) return
    room.rowCount += rows
    for (const conn of room.conns) {
      let last: Connection['pendingAcks'][number] | undefined
      while (conn.pendingAcks.length && (conn.pendingAcks[0]?.epoch ?? Infinity) <= epoch) {
        last = conn.pendingAcks.shift()
      }
      if (last) {
        stats.acksSent++
        conn.send(persistedMessage(last.seq, last.stateVector))
      }
    }
    if (room.rowCount >= compactAfterRows) compact(room)
  }

  // ───────────── rooms ─────────────

  function compact(room: Room) {
    if (!storage || room.compacting || room.rowCount === 0) return
    room.compacting = storage
      .compact(room.name)
      .then((result) => {
        if (result.status !== 'compacted') return
        stats.compactions++
        room.rowCount = Math.max(0, room.rowCount - result.mergedRows)
      })
      .catch((error: unknown) => log(`Collaboration: compacting ${room.name} failed`, error))
      .finally(() => {
        room.compacting = null
      })
  }

  function touch(room: Room) {
    room.lastChangeAt = Date.now()
    if (!storage) return
    if (room.idleTimer) room.idleTimer.refresh()
    else {
      room.idleTimer = setTimeout(() => compact(room), compactIdleMs)
      room.idleTimer.unref()
    }
  }

  async function loadRoom(name: string, context: Record<string, unknown>): Promise<Room> {
    const room = new Room(name)
    Object.assign(room.context, context)
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === ORIGIN_LOAD) return
      room.byteSize += update.byteLength
      touch(room)
      const conn = origin instanceof Connection ? origin : undefined
      room.broadcast(syncUpdate(update), conn)
      if (conn) replication?.publishUpdate(room.name, update)
      // Stored once, by the instance a client sent it to (with its author). What another instance
      // replicated through Redis is that instance's to store; what came from storage is stored.
      if (origin !== ORIGIN_STORAGE && origin !== ORIGIN_REDIS) {
        queue?.enqueue(name, update, conn?.identity.userId ?? null)
      }
      const changeOrigin = conn ? 'client' : origin === ORIGIN_REDIS ? 'redis' : 'storage'
      for (const ext of extensions) {
        ext.onChange?.({ room, update, origin: changeOrigin, userId: conn?.identity.userId ?? null })
      }
    })
    room.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed]
        room.broadcast(awarenessMessage(room.awareness, changed))
        if (origin !== ORIGIN_REDIS) replication?.publishAwareness(room, changed)
      },
    )
    try {
      // Subscribe before reading storage: what arrives meanwhile is applied after the load.
      await replication?.beginLoad(name)
      if (storage) {
        const stored = await storage.bindState(name)
        room.doc.transact(() => {
          for (const update of stored.updates) Y.applyUpdate(room.doc, update)
        }, ORIGIN_LOAD)
        room.rowCount = stored.rowCount
        room.byteSize = stored.byteSize
      }
      for (const ext of extensions) await ext.onLoadDocument?.({ room })
    } catch (error) {
      replication?.abortLoad(name)
      room.destroy()
      throw error
    }
    rooms.set(name, room)
    stats.roomsLoaded++
    replication?.endLoad(room)
    return room
  }

  /** The loaded room (loading it once, however many clients ask at the same time). */
  async function getRoom(name: string, context: Record<string, unknown>): Promise<Room> {
    for (;;) {
      const existing = rooms.get(name)
      if (existing?.unloading) {
        await existing.unloading // never hand out a room that is leaving memory (hocuspocus#995)
        continue
      }
      if (existing) {
        existing.joining++
        if (existing.unloadTimer) clearTimeout(existing.unloadTimer)
        existing.unloadTimer = null
        return existing
      }
      let pending = loading.get(name)
      if (!pending) {
        pending = loadRoom(name, context).finally(() => loading.delete(name))
        loading.set(name, pending)
      }
      await pending
    }
  }

  function scheduleUnload(room: Room) {
    if (room.conns.size > 0 || room.joining > 0 || room.unloadTimer || room.unloading) return
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null
      if (room.conns.size > 0 || room.joining > 0 || closing) return
      room.unloading = unloadRoom(room)
    }, unloadGraceMs)
  }

  async function unloadRoom(room: Room) {
    try {
      await queue?.flush(room.name) // never unload while a save is pending
      for (const ext of extensions) await ext.onUnloadDocument?.({ room })
      await room.compacting
      if (room.rowCount > 0) {
        compact(room)
        await room.compacting
      }
    } catch (error) {
      log(`Collaboration: unloading ${room.name}`, error)
    } finally {
      rooms.delete(room.name)
      await replication?.unsubscribe(room.name)
      room.destroy()
      queue?.forget(room.name)
      stats.roomsUnloaded++
    }
  }

  // ───────────── connections ─────────────

  function reject(socket: Duplex, status: UpgradeRejectionStatus) {
    countBy(stats.upgradesRejected, status)
    if (!socket.destroyed) socket.end(httpRejection(status, status === 503 ? 1 : undefined))
  }

  function connectionsOf(userId: string): number {
    let n = 0
    for (const room of rooms.values()) for (const c of room.conns) if (c.identity.userId === userId) n++
    return n
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => socket.destroy())
    const url = new URL(request.url ?? '/', 'http://localhost')
    const name = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length + 1) : ''
    if (!namePattern.test(name)) return reject(socket, 404)
    if (closing) return reject(socket, 503)
    const wantsAcks = url.searchParams.get('ack') === '1'
    const deadline = setTimeout(() => socket.destroy(), limits.handshakeTimeoutMs)
    void (async () => {
      let room: Room | null = null
      try {
        const data = { request, documentName: name }
        for (const ext of extensions) await ext.onUpgrade?.(data)
        let auth: AuthenticateResult | undefined
        for (const ext of extensions) {
          const result = await ext.onAuthenticate?.(data)
          if (result) auth = { identity: result.identity, context: { ...auth?.context, ...result.context } }
        }
        const identity = auth?.identity ?? anonymous
        if (identity.userId && connectionsOf(identity.userId) >= limits.connectionsPerUser) {
          throw new UpgradeRejection(429)
        }
        room = await getRoom(name, auth?.context ?? {})
        if (room.conns.size + room.joining > limits.clientsPerDocument) throw new UpgradeRejection(503)
        if (socket.destroyed || closing) throw new UpgradeRejection(503)
        clearTimeout(deadline)
        const joined = room
        let attached = false
        socket.once('close', () => {
          if (attached) return
          joined.joining--
          scheduleUnload(joined)
        })
        wss.handleUpgrade(request, socket, head, (ws) => {
          attached = true
          joined.joining--
          attach(joined, ws, identity, wantsAcks)
        })
      } catch (error) {
        clearTimeout(deadline)
        if (room) {
          room.joining--
          scheduleUnload(room)
        }
        if (!(error instanceof UpgradeRejection)) log('Collaboration: upgrade failed', error)
        reject(socket, error instanceof UpgradeRejection ? error.status : 500)
      }
    })()
  }

  function attach(room: Room, ws: WebSocket, identity: ConnectionIdentity, wantsAcks: boolean) {
    const conn = new Connection(ws, room, identity, wantsAcks, limits, stats)
    room.conns.add(conn)
    stats.connectionsOpened++
    ws.on('message', (data: Buffer) => receiveMessage(messageContext, conn, data))
    ws.on('pong', () => {
      conn.alive = true
    })
    ws.on('error', () => undefined) // a close event follows
    ws.on('close', () => detach(conn))
    conn.send(syncStep1(room.doc))
    conn.sendAccess()
    const states = [...room.awareness.getStates().keys()]
    if (states.length) conn.send(awarenessMessage(room.awareness, states))
    for (const ext of extensions) ext.onConnect?.({ connection: conn })
  }

  function detach(conn: Connection) {
    const { room } = conn
    conn.closed = true
    conn.stopThrottling()
    if (!room.conns.delete(conn)) return
    stats.connectionsClosed++
    if (conn.awarenessTimer) clearTimeout(conn.awarenessTimer)
    if (conn.clientIds.size) {
      for (const id of conn.clientIds) room.owners.delete(id)
      removeAwarenessStates(room.awareness, [...conn.clientIds], 'disconnect')
    }
    for (const ext of extensions) ext.onDisconnect?.({ connection: conn })
    scheduleUnload(room)
  }

  function allConnections(): Connection[] {
    return [...rooms.values()].flatMap((r) => [...r.conns].filter((c) => !c.closed))
  }

  // ───────────── liveness and revalidation ─────────────

  const pingTimer = setInterval(() => {
    for (const conn of allConnections()) {
      // A throttled socket is not read (its pongs wait in the kernel): we are the slow side.
      if (conn.throttled) continue
      if (!conn.alive) {
        stats.deadConnections++
        conn.closed = true
        conn.ws.terminate()
        continue
      }
      conn.alive = false
      conn.ws.ping()
    }
  }, limits.pingIntervalMs)
  pingTimer.unref()

  const revalidators = extensions.filter((e) => e.onRevalidate)
  let revalidating: Promise<void> | null = null
  let revalidateAgain = false
  async function revalidate(): Promise<void> {
    if (revalidating) {
      revalidateAgain = true
      return revalidating
    }
    revalidating = (async () => {
      do {
        revalidateAgain = false
        const connections = allConnections().filter((c) => c.identity.sessionId)
        if (connections.length === 0) continue
        for (const ext of revalidators) {
          try {
            const verdicts = (await ext.onRevalidate?.({ connections })) ?? []
            verdicts.forEach((verdict, i) => {
              const conn = connections[i]
              if (!conn || conn.closed) return
              if (verdict.status === 'ok') conn.setAccess(verdict.access)
              else if (verdict.status === 'unauthenticated') conn.close(CloseCode.unauthorized)
              else if (verdict.status === 'forbidden') conn.close(CloseCode.forbidden)
              else conn.close(CloseCode.notFound)
            })
          } catch (error) {
            log('Collaboration: re-checking access failed', error)
          }
        }
      } while (revalidateAgain && !closing)
    })().finally(() => {
      revalidating = null
    })
    return revalidating
  }
  let revalidateSoon: NodeJS.Timeout | null = null
  function scheduleRevalidate() {
    if (revalidateSoon || closing) return
    revalidateSoon = setTimeout(() => {
      revalidateSoon = null
      void revalidate()
    }, 50)
  }
  const revalidateTimer =
    revalidators.length > 0
      ? setInterval(() => void revalidate(), options.revalidateIntervalMs ?? 5_000)
      : null
  revalidateTimer?.unref()

  // ───────────── shutdown ─────────────

  let closed: Promise<void> | null = null
  async function close(): Promise<void> {
    closing = true
    clearInterval(pingTimer)
    if (revalidateTimer) clearInterval(revalidateTimer)
    if (revalidateSoon) clearTimeout(revalidateSoon)
    replication?.stop()
    // 1. Commit what was received (clients still connected get their acknowledgements).
    await queue?.flush()
    // 2. Presence of our clients leaves other instances; sockets close with 1012 (reconnect elsewhere).
    for (const room of rooms.values()) {
      room.clearTimers()
      const local = [...room.owners.keys()]
      if (local.length) removeAwarenessStates(room.awareness, local, 'shutdown')
      for (const conn of room.conns) conn.close(CloseCode.serviceRestart)
    }
    // 3. Anything that arrived while closing, then the extensions' own flushes (plain-text mirror).
    await queue?.flush()
    await Promise.all([...rooms.values()].map((r) => r.compacting))
    for (const ext of extensions) await ext.onDestroy?.()
    await redis?.close()
    for (const room of rooms.values()) room.destroy()
    rooms.clear()
    for (const client of wss.clients) client.terminate()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
  }

  return {
    instanceId,
    handleUpgrade,
    onAccessChanged(change) {
      redis?.publishAccessChanged(change)
      scheduleRevalidate()
    },
    revalidate,
    stats: () => ({
      ...stats,
      closedByCode: { ...stats.closedByCode },
      upgradesRejected: { ...stats.upgradesRejected },
      rooms: rooms.size,
      connections: allConnections().length,
      pendingBytes: queue?.pendingBytes ?? 0,
    }),
    room: (name) => rooms.get(name),
    applyStoredUpdate(name, update) {
      const apply = (room: Room) => {
        if (room.unloading) return // the next load reads it from storage
        try {
          Y.applyUpdate(room.doc, update, ORIGIN_STORAGE)
        } catch (error) {
          log(`Collaboration: could not apply a stored update to ${name}`, error)
        }
      }
      const room = rooms.get(name)
      if (room) apply(room)
      else
        loading.get(name)?.then(apply, () => {
          // The load failed: nothing in memory to update.
        })
      replication?.publishUpdate(name, update)
    },
    flush: async () => {
      await queue?.flush()
    },
    close() {
      closed ??= close()
      return closed
    },
  }
}
