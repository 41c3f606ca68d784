// One client connection: its identity and access, rate limits, the awareness client ids it owns,
// and the bookkeeping for "persisted" acknowledgements.
import { type WebSocket, WebSocket as WS } from 'ws'
import { CLOSE_REASONS, type CollabCloseCode } from './close-codes.ts'
import type { AccessMode, ConnectionIdentity, ConnectionView } from './hooks.ts'
import { type CollabLimits, TokenBucket } from './limits.ts'
import { type CollabStats, countBy } from './metrics.ts'
import { accessMessage } from './protocol.ts'
import type { Room } from './room.ts'

let nextConnectionId = 1

export interface PendingAck {
  seq: number
  /** The group-commit epoch of the document that must be committed first. */
  epoch: number
  stateVector: Uint8Array
}

export class Connection implements ConnectionView {
  readonly id = nextConnectionId++
  alive = true
  closed = false
  /** Content messages (sync step 2 and updates) received so far on this connection. */
  contentSeq = 0
  pendingAcks: PendingAck[] = []
  readonly clientIds = new Set<number>()
  readonly messageBucket: TokenBucket
  readonly byteBucket: TokenBucket
  readonly awarenessBucket: TokenBucket
  readonly awarenessFlood: TokenBucket
  /** Messages received while over the rate limit, processed in order as tokens come back. */
  readonly inbox: Uint8Array[] = []
  inboxBytes = 0
  /** Reading from the socket is paused until the inbox is processed (backpressure). */
  throttled = false
  drainTimer: NodeJS.Timeout | null = null
  pendingAwareness: Uint8Array | null = null
  awarenessTimer: NodeJS.Timeout | null = null
  readonly refused = new Set<string>()

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    public identity: ConnectionIdentity,
    /** The client asked for the persisted/access messages (`?ack=1`). */
    readonly wantsAcks: boolean,
    private readonly limits: CollabLimits,
    private readonly stats: CollabStats,
  ) {
    this.messageBucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst)
    this.byteBucket = new TokenBucket(limits.bytesPerSecond, limits.byteBurst)
    this.awarenessBucket = new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond * 2)
    this.awarenessFlood = new TokenBucket(limits.awarenessPerSecond * 10, limits.awarenessPerSecond * 20)
  }

  send(data: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WS.OPEN) return
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      // A client that does not read: drop it, it resyncs when it reconnects.
      this.closed = true
      this.ws.terminate()
      return
    }
    this.stats.messagesOut++
    this.ws.send(data, { binary: true })
  }

  close(code: CollabCloseCode): void {
    if (this.closed) return
    this.closed = true
    this.stopThrottling()
    countBy(this.stats.closedByCode, code)
    if (this.ws.readyState === WS.OPEN || this.ws.readyState === WS.CONNECTING) {
      this.ws.close(code, CLOSE_REASONS[code])
      // A peer that never answers the close handshake is cut off.
      setTimeout(() => this.ws.terminate(), 5_000).unref()
    }
  }

  /** Stops reading from the socket (TCP backpressure slows the client down) until `resume`. */
  throttle(): void {
    if (this.throttled) return
    this.throttled = true
    this.ws.pause()
  }

  stopThrottling(): void {
    if (this.drainTimer) clearTimeout(this.drainTimer)
    this.drainTimer = null
    this.inbox.length = 0
    this.inboxBytes = 0
    if (!this.throttled) return
    this.throttled = false
    if (this.ws.readyState === WS.OPEN) this.ws.resume()
  }

  setAccess(access: AccessMode): void {
    if (this.identity.access === access) return
    this.identity = { ...this.identity, access }
    this.sendAccess()
  }

  sendAccess(): void {
    if (this.wantsAcks) this.send(accessMessage(this.identity.access, this.room.locked))
  }
}
