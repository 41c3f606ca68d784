// Cross-instance fan-out over Redis pub/sub: one channel per document, plus one for access changes.
// Frame = [varString instanceId][varUint kind][varUint8Array payload][varString target].
// Pub/sub delivers at most once (lost while a subscriber reconnects), so the server also runs a
// periodic state-vector exchange (anti-entropy) over the same channel; see server.ts.

import type { Redis as RedisClient } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const FANOUT_KIND = {
  /** A Yjs update applied on the sending instance. */
  update: 0,
  /** An awareness update of the sending instance's clients. */
  awareness: 1,
  /** Anti-entropy: varUint8Array state vector, varUint delete-set hash. Peers with more answer. */
  syncRequest: 2,
  /** Anti-entropy answer: the update the requester lacks (addressed to it). */
  syncReply: 3,
  /** Ask peers to re-send the awareness of their own clients (after a reconnect or a load). */
  awarenessQuery: 4,
} as const
export type FanoutKind = (typeof FANOUT_KIND)[keyof typeof FANOUT_KIND]

export interface FanoutFrame {
  from: string
  kind: FanoutKind
  payload: Uint8Array
  target: string
  /** Wall-clock ms when published (for the fan-out lag metric); null from instances without it. */
  sentAt?: number | null
}

export function encodeFrame(frame: FanoutFrame): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, frame.from)
  encoding.writeVarUint(e, frame.kind)
  encoding.writeVarUint8Array(e, frame.payload)
  encoding.writeVarString(e, frame.target)
  encoding.writeFloat64(e, frame.sentAt ?? Date.now())
  return Buffer.from(encoding.toUint8Array(e))
}

export function decodeFrame(data: Uint8Array): FanoutFrame {
  const d = decoding.createDecoder(data)
  return {
    from: decoding.readVarString(d),
    kind: decoding.readVarUint(d) as FanoutKind,
    payload: decoding.readVarUint8Array(d),
    target: decoding.readVarString(d),
    // Optional trailer: frames of an older instance (rolling deploy) end after the target.
    sentAt: decoding.hasContent(d) ? decoding.readFloat64(d) : null,
  }
}

export interface RedisFanoutOptions {
  url: string
  /** Prefix of every channel (tests use a unique one). */
  prefix: string
  instanceId: string
  onFrame(documentName: string, frame: FanoutFrame): void
  onAccessChanged(change: { userId?: string; teamId?: string }): void
  /** After the subscriber reconnected (messages may have been lost meanwhile). */
  onReconnect(): void
  /** Seconds between publishing and receiving a frame of another instance (clocks of both hosts). */
  onLag?(seconds: number): void
  log?: (message: string, error?: unknown) => void
}

export class RedisFanout {
  private readonly pub: RedisClient
  private readonly sub: RedisClient
  private readonly docPrefix: string
  private readonly aclChannel: string
  private closed = false

  /** Starts connecting; the server works (single-instance) until Redis answers, and after it fails. */
  static async create(options: RedisFanoutOptions): Promise<RedisFanout> {
    const { Redis } = await import('ioredis')
    const name = `collab-${options.instanceId}`
    // The publisher fails fast while Redis is away (anti-entropy repairs what was not published);
    // the subscriber keeps its commands until Redis is back and re-subscribes by itself.
    const pub = new Redis(options.url, {
      connectionName: name,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
    })
    const sub = new Redis(options.url, {
      connectionName: name,
      maxRetriesPerRequest: null,
      lazyConnect: true,
    })
    const fanout = new RedisFanout(options, pub, sub)
    await Promise.all(
      [pub.connect(), sub.connect()].map((p) =>
        p.catch((error: unknown) => options.log?.('Collaboration: Redis is not reachable yet', error)),
      ),
    )
    void sub.subscribe(fanout.aclChannel).catch(() => undefined)
    return fanout
  }

  private constructor(
    private readonly options: RedisFanoutOptions,
    pub: RedisClient,
    sub: RedisClient,
  ) {
    this.pub = pub
    this.sub = sub
    this.docPrefix = `${options.prefix}doc:`
    this.aclChannel = `${options.prefix}acl`
    const onError = (error: unknown) => {
      if (!this.closed) options.log?.('Collaboration: Redis connection error', error)
    }
    pub.on('error', onError)
    sub.on('error', onError)
    // Every (re)connection: what was published meanwhile is lost for us (a no-op at start-up).
    sub.on('ready', () => {
      if (!this.closed) options.onReconnect()
    })
    sub.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
      const channel = channelBuffer.toString()
      try {
        if (channel === this.aclChannel) {
          options.onAccessChanged(JSON.parse(message.toString()) as { userId?: string; teamId?: string })
          return
        }
        if (!channel.startsWith(this.docPrefix)) return
        const frame = decodeFrame(message)
        if (frame.from === options.instanceId) return
        if (frame.target && frame.target !== options.instanceId) return
        if (frame.sentAt) options.onLag?.(Math.max(0, Date.now() - frame.sentAt) / 1000)
        options.onFrame(channel.slice(this.docPrefix.length), frame)
      } catch (error) {
        options.log?.('Collaboration: dropped a malformed Redis message', error)
      }
    })
  }

  /** Waits for the subscription only while Redis is up: a document never waits for Redis to load. */
  async subscribe(documentName: string): Promise<void> {
    const done = this.sub.subscribe(this.docPrefix + documentName).catch(() => undefined)
    if (this.sub.status === 'ready') await done
  }

  async unsubscribe(documentName: string): Promise<void> {
    if (this.closed) return
    await this.sub.unsubscribe(this.docPrefix + documentName).catch(() => undefined)
  }

  /** Fire and forget: a lost publish is repaired by anti-entropy. Returns false when not sent. */
  publish(documentName: string, kind: FanoutKind, payload: Uint8Array, target = ''): boolean {
    if (this.closed || this.pub.status !== 'ready') return false
    const frame = encodeFrame({ from: this.options.instanceId, kind, payload, target })
    this.pub.publish(this.docPrefix + documentName, frame).catch(() => undefined)
    return true
  }

  publishAccessChanged(change: { userId?: string; teamId?: string }): void {
    if (this.closed || this.pub.status !== 'ready') return
    this.pub.publish(this.aclChannel, JSON.stringify(change)).catch(() => undefined)
  }

  get connected(): boolean {
    return this.sub.status === 'ready' && this.pub.status === 'ready'
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.all([this.pub.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)])
  }
}
