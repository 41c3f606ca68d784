import { NARRATIVE_SECTION_KEYS, type NarrativeTexts, narrativeColumn } from '@pdsa/domain'
import { documentTexts } from '@pdsa/domain/collab'
import * as Y from 'yjs'
import type { DbTx } from '../../db/client.ts'
import { readCycleDocument } from './load-cycle-document.ts'

/**
 * The text of a cycle's sections as stored now: from the stored Yjs document (snapshot + every
 * committed update row, whichever instance wrote them), or the `*Text` columns when the cycle has no
 * document yet. The columns are a debounced mirror (up to the mirror's delay behind, longer after a
 * crash until the document is opened), so pages that show the worksheet read this instead: a reload
 * right after an acknowledged edit never shows less than the editor did.
 */
export async function readCurrentCycleTexts(
  db: DbTx,
  cycleId: string,
  columns: NarrativeTexts,
): Promise<NarrativeTexts> {
  const stored = await readCycleDocument(db, cycleId)
  if (stored.updates.length === 0) return columns
  const doc = new Y.Doc({ gc: true })
  try {
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    return documentTexts(doc)
  } finally {
    doc.destroy()
  }
}

/** A cycle row with its `*Text` columns replaced by `texts`. */
export function withTexts<Row extends object>(row: Row, texts: NarrativeTexts): Row {
  return {
    ...row,
    ...Object.fromEntries(NARRATIVE_SECTION_KEYS.map((k) => [narrativeColumn(k), texts[k]])),
  }
}
