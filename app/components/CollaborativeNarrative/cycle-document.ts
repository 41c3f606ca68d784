// The client side of a cycle's collaborative document, without React: one Y.Doc, the stock y-websocket
// WebsocketProvider (plus the project's two extra messages), and an optional local copy (IndexedDB in
// the browser) so edits made offline survive a reload and merge on reconnect.
//
// "Saved" is exact: every sync message that carries content (step 2, update) is counted per socket,
// and the server's `persisted` message says how many of them are committed in the database.
import {
  COLLAB_ACK_PARAM,
  COLLAB_CLOSE,
  COLLAB_MESSAGE,
  type CollabAccessNotice,
  type DocumentAccess,
} from '@pdsa/domain/collab'
import * as decoding from 'lib0/decoding'
import * as authProtocol from 'y-protocols/auth'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

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

  constructor(options: CycleDocumentOptions) {
    this.isOnline = options.isOnline ?? (() => true)
    const self = this
    const Base = options.WebSocketImpl ?? WebSocket
    // Counts the content messages sent on each socket (see the header comment).
    class CountingWebSocket extends Base {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        self.socket = this
        self.sent = 0
        self.acked = 0
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
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.everConnected = true
      this.set({
        connection: status === 'connected' ? 'connected' : this.everConnected ? 'reconnecting' : 'connecting',
      })
      this.refreshOnline()
    })
    this.provider.on('sync', (synced: boolean) => {
      this.set({ synced })
      this.settle()
    })
    this.provider.on('closed', ({ code }) => this.set({ connection: 'closed', closeCode: code }))
    this.doc.on('update', this.onUpdate)
    // Connect after the local copy is loaded, so offline edits go out with the first sync.
    void (this.localCopy?.whenSynced ?? Promise.resolve()).then(() => {
      if (this.destroyed) return
      this.set({ localReady: true })
      if (options.connect !== false) this.provider.connect()
    })
  }

  private destroyed = false

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
      this.set({ unsaved: false })
    }
  }

  /** Call when the browser goes on- or offline. */
  refreshOnline(): void {
    const { connection } = this.status
    if (connection === 'connected' || connection === 'closed') return
    if (!this.isOnline()) this.set({ connection: 'offline' })
    else if (connection === 'offline') {
      this.set({ connection: 'reconnecting' })
      this.provider.connect() // retry now instead of after the back-off
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
    this.doc.off('update', this.onUpdate)
    this.provider.destroy()
    this.localCopy?.destroy()
    this.doc.destroy()
    for (const l of this.listeners) l()
    this.listeners.clear()
  }
}
