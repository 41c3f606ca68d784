// Group commit: updates received within `delayMs` are merged per document and author and written in
// one INSERT; after COMMIT the server acknowledges them to their senders. One flush is in flight at a
// time (keeps each document's rows in order). A failed flush is retried with back-off; nothing queued
// is dropped.
import * as Y from 'yjs'
import type { CollabStats } from './metrics.ts'

export interface StorageRow {
  documentName: string
  data: Uint8Array
  userId: string | null
}

interface PendingDoc {
  updates: Map<string | null, Uint8Array[]>
  bytes: number
  /** The epoch of the newest update queued for this document. */
  epoch: number
}

export interface GroupCommitOptions {
  append(rows: readonly StorageRow[]): Promise<void>
  /** Called after COMMIT with the newest epoch now stored, per document. */
  onCommitted(documentName: string, epoch: number, rows: number): void
  stats: CollabStats
  delayMs: number
  /** After each committed batch: seconds the INSERT took, and its rows. */
  observeCommit?: (seconds: number, rows: number) => void
  maxBatchBytes?: number
  log?: (message: string, error?: unknown) => void
}

export class GroupCommit {
  private pending = new Map<string, PendingDoc>()
  private pendingBytesTotal = 0
  private enqueued = new Map<string, number>()
  private committed = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<void> | null = null
  private failures = 0

  constructor(private readonly options: GroupCommitOptions) {}

  /** Queues an update; returns its epoch (per document, increasing). */
  enqueue(documentName: string, data: Uint8Array, userId: string | null): number {
    const epoch = (this.enqueued.get(documentName) ?? 0) + 1
    this.enqueued.set(documentName, epoch)
    let doc = this.pending.get(documentName)
    if (!doc) {
      doc = { updates: new Map(), bytes: 0, epoch }
      this.pending.set(documentName, doc)
    }
    const list = doc.updates.get(userId)
    if (list) list.push(data)
    else doc.updates.set(userId, [data])
    doc.bytes += data.byteLength
    doc.epoch = epoch
    this.pendingBytesTotal += data.byteLength
    if (this.pendingBytesTotal >= (this.options.maxBatchBytes ?? 256 * 1024)) this.schedule(0)
    else this.schedule(this.options.delayMs)
    return epoch
  }

  /** The newest epoch queued for a document (0: nothing ever). */
  lastEnqueued(documentName: string): number {
    return this.enqueued.get(documentName) ?? 0
  }

  lastCommitted(documentName: string): number {
    return this.committed.get(documentName) ?? 0
  }

  get pendingBytes(): number {
    return this.pendingBytesTotal
  }

  hasPending(documentName?: string): boolean {
    if (documentName === undefined) return this.pending.size > 0 || this.inFlight !== null
    return (this.enqueued.get(documentName) ?? 0) > (this.committed.get(documentName) ?? 0)
  }

  /** Resolves once everything queued before the call is committed (retrying failed flushes). */
  async flush(documentName?: string): Promise<void> {
    while (this.hasPending(documentName)) {
      if (this.inFlight) await this.inFlight
      else if (this.pending.size > 0) {
        if (this.failures > 0) await new Promise((r) => setTimeout(r, this.backoffMs()))
        if (!this.inFlight) await this.run()
      } else break // counters say pending but nothing is queued: nothing left to wait for
    }
  }

  /** Forgets the counters of a document that left memory (nothing may be pending for it). */
  forget(documentName: string): void {
    if (this.hasPending(documentName)) return
    this.enqueued.delete(documentName)
    this.committed.delete(documentName)
  }

  private schedule(delayMs: number) {
    if (this.inFlight) return // the flush in flight reschedules when it ends
    if (this.timer && delayMs > 0) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run()
    }, delayMs)
  }

  private backoffMs(): number {
    return Math.min(5_000, 100 * 2 ** Math.max(0, this.failures - 1))
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.pending.size === 0) return Promise.resolve()
    const batch = this.pending
    this.pending = new Map()
    const batchBytes = [...batch.values()].reduce((n, d) => n + d.bytes, 0)
    const rows: StorageRow[] = []
    for (const [documentName, doc] of batch) {
      for (const [userId, updates] of doc.updates) {
        rows.push({
          documentName,
          userId,
          data: updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates),
        })
      }
    }
    const { stats } = this.options
    const started = performance.now()
    this.inFlight = this.options
      .append(rows)
      .then(
        () => {
          this.options.observeCommit?.((performance.now() - started) / 1000, rows.length)
          this.failures = 0
          this.pendingBytesTotal -= batchBytes
          stats.persistBatches++
          stats.persistRows += rows.length
          stats.persistBytes += batchBytes
          for (const [documentName, doc] of batch) {
            this.committed.set(documentName, doc.epoch)
            const count = rows.filter((r) => r.documentName === documentName).length
            this.options.onCommitted(documentName, doc.epoch, count)
          }
        },
        (error: unknown) => {
          stats.persistErrors++
          this.failures++
          this.options.log?.('Collaboration: storing updates failed; retrying', error)
          // Put the batch back in front of anything queued meanwhile (keeps per-document order).
          for (const [documentName, doc] of this.pending) {
            const back = batch.get(documentName)
            if (!back) {
              batch.set(documentName, doc)
              continue
            }
            for (const [userId, updates] of doc.updates) {
              const list = back.updates.get(userId)
              if (list) list.push(...updates)
              else back.updates.set(userId, updates)
            }
            back.bytes += doc.bytes
            back.epoch = doc.epoch
          }
          this.pending = batch
        },
      )
      .finally(() => {
        this.inFlight = null
        if (this.pending.size > 0) {
          this.schedule(this.failures ? this.backoffMs() : this.options.delayMs)
        }
      })
    return this.inFlight
  }
}
