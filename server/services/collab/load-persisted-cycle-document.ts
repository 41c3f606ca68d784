import type { NarrativeTexts } from '@pdsa/domain'
import { buildInitialDocumentUpdate, documentTexts } from '@pdsa/domain/collab'
import * as Y from 'yjs'
import type { DbTx } from '../../db/client.ts'
import { readCycleDocument, readCycleTexts } from './load-cycle-document.ts'

export interface PersistedCycleDocument {
  /** `Y.encodeStateAsUpdate` of everything committed, for `CycleSnapshot.yState`. */
  yState: Uint8Array
  /** The plain text of every section of that state. */
  texts: NarrativeTexts
  /** False when the cycle has no stored document yet and the state was built from its text columns. */
  stored: boolean
}

/**
 * The committed state of a cycle's document (snapshot + every update row), read-only: for the
 * stage-transition snapshot (`CycleSnapshot.yState` and `content`). Call it inside the transition's
 * transaction. A cycle without a stored document gets the state its text columns would seed.
 * Edits still in the collaboration server's group-commit window (≤ ~50 ms) are not included.
 */
export async function loadPersistedCycleDocument(db: DbTx, cycleId: string): Promise<PersistedCycleDocument> {
  const stored = await readCycleDocument(db, cycleId)
  const doc = new Y.Doc({ gc: true })
  try {
    if (stored.updates.length > 0) {
      doc.transact(() => {
        for (const u of stored.updates) Y.applyUpdate(doc, u)
      })
    } else {
      const texts = await readCycleTexts(db, cycleId)
      const seed = texts && buildInitialDocumentUpdate(texts)
      if (seed) Y.applyUpdate(doc, seed)
    }
    return {
      yState: Y.encodeStateAsUpdate(doc),
      texts: documentTexts(doc),
      stored: stored.updates.length > 0,
    }
  } finally {
    doc.destroy()
  }
}
