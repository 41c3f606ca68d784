// The client side of a cycle's collaborative document, without React: one Y.Doc, the stock y-websocket
// WebsocketProvider (plus the project's two extra messages), and an optional local copy (IndexedDB in
// the browser) so edits made offline survive a reload and merge on reconnect.
//
// "Saved" is exact: every sync message that carries content (step 2, update) is counted per socket,
// and the server's `persisted` message says how many of them are committed in the database.
//
// A dead network is noticed within seconds even when the socket does not close (docs/decisions/
// 023-offline-app-shell-and-presence.md): when nothing has arrived for a moment the client asks the
// server for its state (a y-sync step 1, which every y-websocket server answers); when still nothing
// arrives the connection counts as lost, the page says it is offline, and the socket is replaced.
import {
  COLLAB_ACK_PARAM,
  COLLAB_CLOSE,
  COLLAB_MESSAGE,
  type CollabAccessNotice,
  type DocumentAccess,
} from '@pdsa/domain/collab'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

type YType = Parameters<typeof Y.findRootTypeKey>[0]

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed'

export interface CycleDocumentStatus {
  connection: ConnectionState
  /** The first sync with the server finished on the current connection. */
  synced: boolean
  /** The local copy (IndexedDB) is loaded into the document (true at once without one). */
  localReady: boolean
  /** Local edits the server has not confirmed as stored yet (including edits made offline). */
  unsaved: boolean
  /** What the server lets this client do (null until it said). */
  access: DocumentAccess | null
  /** Sections nobody may change now (the Plan sections once the test started). */
  locked: readonly string[]
  /** The close code when the server ended the session for good (401/403/404 class). */
  closeCode: number | null
  /** The last reason the server gave for ignoring an edit ("locked", "read-only"…). */
  refusal: string | null
  /** Root types (sections) changed on this device and not confirmed stored yet. */
  unsavedSections: readonly string[]
}

export const INITIAL_STATUS: CycleDocumentStatus = {
  connection: 'connecting',
  synced: false,
  localReady: false,
  unsaved: false,
  access: null,
  locked: [],
  closeCode: null,
  refusal: null,
  unsavedSections: [],
}

/** How the client notices a connection that stopped carrying messages without closing. */
export interface HeartbeatOptions {
  /** Nothing received for this long: ask the server for its state (it always answers). */
  idleMs: number
  /** Nothing received for this long: the connection is lost. */
  deadMs: number
  /** A socket that has not opened after this long is given up and replaced. */
  connectTimeoutMs: number
  /** How often the above are checked. */
  tickMs: number
}

export const DEFAULT_HEARTBEAT: HeartbeatOptions = {
  idleMs: 1_500,
  deadMs: 4_000,
  connectTimeoutMs: 8_000,
  tickMs: 250,
}

export interface LocalCopy {
  whenSynced: Promise<unknown>
  destroy(): unknown
}

export interface CycleDocumentOptions {
  cycleId: string
  /** `ws(s)://host/collab` */
  serverUrl: string
  user: { name: string; color: string }
  /** The browser's WebSocket, or a Node polyfill in tests. */
  WebSocketImpl?: typeof WebSocket
  /** Creates the local copy (IndexedDB) for a document, or null for none. */
  localCopy?: (name: string, doc: Y.Doc) => LocalCopy | null
  /** Reports whether the device thinks it is online (navigator.onLine in the browser). */
  isOnline?: () => boolean
  connect?: boolean
  heartbeat?: Partial<HeartbeatOptions>
}

const isContentMessage = (data: unknown): boolean => {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null
  return !!bytes && bytes[0] === COLLAB_MESSAGE.sync && (bytes[1] === 1 || bytes[1] === 2)
}

/** Close codes after which the stock client gives up; we also retry after a rate-limit close. */
const shouldReconnect = (event: CloseEvent) =>
  event.code === COLLAB_CLOSE.rateLimited || !(event.code >= 4400 && event.code < 4500)

export class CycleDocument {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly localCopy: LocalCopy | null
  private status: CycleDocumentStatus = INITIAL_STATUS
  private readonly listeners = new Set<() => void>()
  private socket: WebSocket | null = null
  private sent = 0
  private acked = 0
  private dirty = false
  private everConnected = false
  private readonly isOnline: () => boolean
  private readonly heartbeat: HeartbeatOptions
  private readonly heartbeatTimer: ReturnType<typeof setInterval>
  /** When the current socket last received a message (or opened, or was created). */
  private lastReceivedAt = 0
  private lastProbeAt = 0
  private socketCreatedAt = 0
  /** The heartbeat gave up on the connection, or a socket failed before opening: no server now. */
  private unreachable = false

  constructor(options: CycleDocumentOptions) {
    this.isOnline = options.isOnline ?? (() => true)
    this.heartbeat = { ...DEFAULT_HEARTBEAT, ...options.heartbeat }
    const self = this
    const Base = options.WebSocketImpl ?? WebSocket
    // Counts the content messages sent on each socket (see the header comment).
    class CountingWebSocket extends Base {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        self.socket = this
        self.sent = 0
        self.acked = 0
        self.socketCreatedAt = Date.now()
        self.lastReceivedAt = self.socketCreatedAt
        const received = () => {
          if (self.socket === this) self.lastReceivedAt = Date.now()
        }
        this.addEventListener('open', received)
        // Registered before y-websocket's own `onmessage`, so it runs first: editors take in the
        // selection the person just made before a remote change or caret redraws them.
        this.addEventListener('message', () => {
          self.runBeforeRemoteChange()
          received()
          if (self.socket === this && self.unreachable) {
            self.unreachable = false
            self.refreshOnline()
          }
        })
        this.addEventListener('close', () => {
          // A socket that never opened: the server cannot be reached (offline until one opens).
          if (self.socket === this && !opened) self.markUnreachable()
        })
        let opened = false
        this.addEventListener('open', () => {
          opened = true
        })
      }
      override send(data: Parameters<WebSocket['send']>[0]) {
        if (self.socket === this && isContentMessage(data)) self.sent++
        super.send(data)
      }
    }
    this.localCopy = options.localCopy?.(`pdsa-cycle-${options.cycleId}`, this.doc) ?? null
    this.provider = new WebsocketProvider(options.serverUrl, options.cycleId, this.doc, {
      connect: false,
      params: { [COLLAB_ACK_PARAM]: '1' },
      WebSocketPolyfill: CountingWebSocket as unknown as typeof WebSocket,
      shouldReconnect,
      disableBc: false,
    })
    this.installMessageHandlers()
    this.provider.awareness.setLocalStateField('user', options.user)
    this.provider.on('status', () => this.refreshOnline())
    this.provider.on('sync', (synced: boolean) => {
      this.set({ synced })
      this.settle()
    })
    this.provider.on('closed', ({ code }) => this.set({ connection: 'closed', closeCode: code }))
    this.doc.on('update', this.onUpdate)
    this.doc.on('afterTransaction', this.onTransaction)
    this.heartbeatTimer = setInterval(this.checkConnection, this.heartbeat.tickMs)
    // Connect after the local copy is loaded, so offline edits go out with the first sync.
    void (this.localCopy?.whenSynced ?? Promise.resolve()).then(() => {
      if (this.destroyed) return
      this.set({ localReady: true })
      if (options.connect !== false) this.provider.connect()
    })
  }

  private destroyed = false

  /** The sections a local (or restored) change touched, for "what will sync" while offline. */
  private onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === this.provider || transaction.changed.size === 0) return
    const roots = new Set(this.status.unsavedSections)
    for (const type of transaction.changed.keys()) {
      let root: YType = type
      while (root._item?.parent) root = root._item.parent as YType
      try {
        roots.add(Y.findRootTypeKey(root))
      } catch {
        // not a root type of this document
      }
    }
    if (roots.size !== this.status.unsavedSections.length) this.set({ unsavedSections: [...roots] })
  }

  /** The heartbeat (see the header comment). */
  private checkConnection = () => {
    const { provider, heartbeat } = this
    if (!provider.ws || this.destroyed) return
    const now = Date.now()
    if (provider.wsconnected) {
      const idle = now - this.lastReceivedAt
      if (idle >= heartbeat.deadMs) {
        this.connectionLost()
      } else if (idle >= heartbeat.idleMs && now - this.lastProbeAt >= heartbeat.idleMs) {
        this.lastProbeAt = now
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync)
        syncProtocol.writeSyncStep1(encoder, this.doc)
        provider.ws.send(encoding.toUint8Array(encoder))
      }
    } else if (provider.wsconnecting && now - this.socketCreatedAt >= heartbeat.connectTimeoutMs) {
      this.connectionLost()
    }
  }

  private readonly beforeRemote = new Set<() => void>()

  /**
   * Registers `flush`, run before each message from the server is applied (remote edits and other
   * people's carets). A ProseMirror view learns about a click from the browser's asynchronous
   * `selectionchange` event; a view update in between writes the old selection back into the page
   * and the click is lost (Enter then splits the paragraph where the caret was before, e.g. at its
   * start). Editors pass a function that reads the pending selection now. Returns the unregister.
   */
  beforeRemoteChange(flush: () => void): () => void {
    this.beforeRemote.add(flush)
    return () => this.beforeRemote.delete(flush)
  }

  private runBeforeRemoteChange() {
    for (const flush of this.beforeRemote) {
      try {
        flush()
      } catch {
        // an editor being torn down: nothing to read
      }
    }
  }

  private markUnreachable() {
    if (this.unreachable) return
    this.unreachable = true
    this.refreshOnline()
  }

  /**
   * The connection stopped carrying messages (or never opened): offline from now on, and the socket
   * is replaced by a new attempt (the old one may take minutes to report its close, if ever).
   */
  private connectionLost() {
    this.unreachable = true
    const { provider } = this
    provider.disconnect()
    provider.connect()
    this.refreshOnline()
  }

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return
    if (!this.dirty) {
      this.dirty = true
      this.set({ unsaved: true })
    }
  }

  private installMessageHandlers() {
    const handlers = this.provider.messageHandlers
    handlers[COLLAB_MESSAGE.persisted] = (_encoder, decoder, provider) => {
      const seq = decoding.readVarUint(decoder)
      decoding.readVarUint8Array(decoder)
      if (provider.ws !== this.socket) return
      this.acked = Math.max(this.acked, seq)
      this.settle()
    }
    handlers[COLLAB_MESSAGE.access] = (_encoder, decoder) => {
      const mode = decoding.readVarUint(decoder) === 1 ? 'edit' : 'read'
      const notice = JSON.parse(decoding.readVarString(decoder)) as Pick<CollabAccessNotice, 'locked'>
      this.set({ access: mode, locked: notice.locked })
    }
    handlers[COLLAB_MESSAGE.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.set({ refusal: reason }))
    }
  }

  /** Everything sent on this connection, including the first sync's step 2, is stored: saved. */
  private settle() {
    if (this.dirty && this.status.synced && this.sent > 0 && this.acked >= this.sent) {
      this.dirty = false
      this.set({ unsaved: false, unsavedSections: [] })
    }
  }

  /** Recomputes the connection state (from the provider, the heartbeat and the browser's flag). */
  refreshOnline(): void {
    if (this.destroyed || this.status.connection === 'closed') return
    const { provider } = this
    if (provider.wsconnected) this.everConnected = true
    let connection: ConnectionState
    if (!this.isOnline() || this.unreachable) connection = 'offline'
    else if (provider.wsconnected) connection = 'connected'
    else connection = this.everConnected ? 'reconnecting' : 'connecting'
    this.set({ connection })
  }

  /**
   * Call when the browser says it went on- or offline. Offline drops the socket at once (it may look
   * open for a long time otherwise); online retries at once instead of after the back-off.
   */
  browserOnlineChanged(): void {
    if (this.destroyed || this.status.connection === 'closed') return
    const { provider } = this
    if (!this.isOnline()) {
      if (provider.ws) this.connectionLost()
      else this.refreshOnline()
    } else if (!provider.wsconnected && provider.shouldConnect) {
      provider.disconnect()
      provider.connect()
      this.refreshOnline()
    }
  }

  getStatus = (): CycleDocumentStatus => this.status

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(patch: Partial<CycleDocumentStatus>) {
    const next = { ...this.status, ...patch }
    if ((Object.keys(patch) as (keyof CycleDocumentStatus)[]).every((k) => next[k] === this.status[k])) return
    this.status = next
    for (const l of this.listeners) l()
  }

  /**
   * Resolves true once every local edit is stored on the server (at once when there is none), false
   * after `timeoutMs` or when the document is destroyed first. Stage transitions wait for it, so the
   * server checks and snapshots what the person just typed.
   */
  whenSaved(timeoutMs: number): Promise<boolean> {
    if (!this.dirty) return Promise.resolve(true)
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const done = (saved: boolean) => {
        clearTimeout(timer)
        unsubscribe()
        resolve(saved)
      }
      const unsubscribe = this.subscribe(() => {
        if (!this.dirty) done(true)
        else if (this.destroyed) done(false)
      })
      timer = setTimeout(() => done(!this.dirty), timeoutMs)
    })
  }

  /** Whether the next content messages are all acknowledged (for tests). */
  get pendingContentMessages(): number {
    return this.sent - this.acked
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    clearInterval(this.heartbeatTimer)
    this.doc.off('update', this.onUpdate)
    this.doc.off('afterTransaction', this.onTransaction)
    this.provider.destroy()
    this.localCopy?.destroy()
    this.doc.destroy()
    for (const l of this.listeners) l()
    this.listeners.clear()
  }
}
