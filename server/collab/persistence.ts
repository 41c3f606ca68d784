// Where documents live: the y-websocket persistence contract (`bindState` loads a document before any
// client syncs, `writeState` runs when it leaves memory) plus the append-only log the group commit
// writes to. The cycle implementation calls the collaboration services (the only code that touches
// Prisma); the server core only sees this interface, so a relay-only server simply has none.
import type { Db } from '../db/client.ts'
import { appendDocumentUpdates } from '../services/collab/append-document-updates.ts'
import { type CompactionResult, compactCycleDocument } from '../services/collab/compact-cycle-document.ts'
import { loadCycleDocument, readCycleDocument } from '../services/collab/load-cycle-document.ts'
import type { StorageRow } from './group-commit.ts'

export interface StoredDocument {
  /** Snapshot first, then every stored update, to apply in order. */
  updates: Uint8Array[]
  rowCount: number
  byteSize: number
}

export interface DocumentStorage {
  /** bindState: the stored document (creating the initial one once, where the storage knows how). */
  bindState(documentName: string): Promise<StoredDocument>
  /** Re-reads what is stored without creating anything (repairs after a Redis outage). */
  readState(documentName: string): Promise<StoredDocument>
  /** The group commit's one INSERT per batch. */
  append(rows: readonly StorageRow[]): Promise<void>
  /** writeState: merge the log into the snapshot (on unload, after N rows, when idle). */
  compact(documentName: string): Promise<CompactionResult>
}

/** Storage of cycle documents: the `YUpdate` log and `YSnapshot` rows, keyed by cycle id. */
export function cycleDocumentStorage(db: Db, instanceId: string): DocumentStorage {
  return {
    bindState: (cycleId) => loadCycleDocument({ db, cycleId }),
    readState: (cycleId) => readCycleDocument(db, cycleId),
    append: (rows) =>
      appendDocumentUpdates({
        db,
        instanceId,
        rows: rows.map((r) => ({ cycleId: r.documentName, data: r.data, userId: r.userId })),
      }),
    compact: (cycleId) => compactCycleDocument({ db, cycleId }),
  }
}
