// Limits of the collaboration server (collab.md §5.10), all overridable per server (tests use small ones).
export interface CollabLimits {
  /** Largest WebSocket frame; ws closes larger ones with 1009. Above the largest document on purpose. */
  maxMessageBytes: number
  /** Largest encoded document; an update that would exceed it closes the connection with 4413. */
  maxDocumentBytes: number
  /** Largest awareness state (one client's cursor and name); larger ones are dropped. */
  maxAwarenessStateBytes: number
  /** Per connection: content and awareness messages per second (sustained, burst). */
  messagesPerSecond: number
  messageBurst: number
  /** Per connection: bytes per second (sustained, burst). */
  bytesPerSecond: number
  byteBurst: number
  /**
   * Per connection: bytes received but not processed yet because the connection is over its rate
   * (the socket is paused meanwhile, so this is what was already read). Above it: close with 1013.
   */
  maxQueuedBytes: number
  /** Per connection: awareness updates per second; faster ones are coalesced (the latest wins). */
  awarenessPerSecond: number
  /** Connections of one user on this instance, and clients of one document. */
  connectionsPerUser: number
  clientsPerDocument: number
  /** Unsaved bytes queued for the database before editing connections are told to come back later. */
  maxPendingBytes: number
  /** A connection whose outgoing buffer grows past this is dropped (its client resyncs). */
  maxBufferedBytes: number
  /**
   * Ping interval; a connection that missed the previous pong is terminated, and its presence leaves
   * the room. Short, so others stop seeing someone whose network died within seconds (ADR 023).
   */
  pingIntervalMs: number
  /** Upgrades not decided within this are dropped. */
  handshakeTimeoutMs: number
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxDocumentBytes: 5 * 1024 * 1024,
  maxAwarenessStateBytes: 4 * 1024,
  messagesPerSecond: 50,
  messageBurst: 200,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 8 * 1024 * 1024,
  maxQueuedBytes: 9 * 1024 * 1024,
  awarenessPerSecond: 20,
  connectionsPerUser: 20,
  clientsPerDocument: 200,
  maxPendingBytes: 64 * 1024 * 1024,
  maxBufferedBytes: 4 * 1024 * 1024,
  pingIntervalMs: 2_500,
  handshakeTimeoutMs: 5_000,
}

/** A token bucket: `take(n)` is false when the caller is over its rate. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  take(n = 1): boolean {
    if (!this.has(n)) return false
    this.tokens -= Math.min(n, this.burst)
    return true
  }

  /** Whether `n` tokens are available now (a cost above the burst counts as the whole burst). */
  has(n = 1): boolean {
    const t = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond)
    this.last = t
    return this.tokens >= Math.min(n, this.burst)
  }

  /** Milliseconds until `n` tokens are available. */
  waitMs(n = 1): number {
    const need = Math.min(n, this.burst)
    return this.tokens >= need ? 0 : Math.ceil(((need - this.tokens) / this.ratePerSecond) * 1000)
  }
}
