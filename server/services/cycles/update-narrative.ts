// One narrative section's text, written through the cycle's collaborative document, which is the source
// of truth for the worksheet (docs/decisions/004-collaboration-server.md): the section's content is
// replaced by one Yjs update appended to the document's log (seeding the document from the text
// columns first when it has none yet), the text column mirrors it, and the caller hands the update to
// the collaboration server so open editors show it. Locked sections are refused, as in the editor.
import {
  type Actor,
  type CycleStage,
  NARRATIVE_SECTIONS,
  type NarrativeSectionKey,
  narrativeColumn,
  notFound,
  type UpdateNarrativeInput,
} from '@pdsa/domain'
import {
  buildInitialDocumentUpdate,
  fragmentPlainText,
  lockedSectionKeys,
  replaceSectionText,
} from '@pdsa/domain/collab'
import * as Y from 'yjs'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { toBytes } from '../collab/bytes.ts'
import { readCycleDocument, readCycleTexts } from '../collab/load-cycle-document.ts'
import { invalidState } from '../shared.ts'
import { requireEditableCycle } from './require-cycle.ts'

/** Marks the log rows this service writes (the collaboration server writes its instance id). */
export const API_WRITER_ID = 'api'

function refuseLockedSection(stage: CycleStage, section: NarrativeSectionKey) {
  if (!lockedSectionKeys(stage).includes(section)) return
  const label = NARRATIVE_SECTIONS.find((s) => s.key === section)?.label ?? section
  throw invalidState(
    stage === 'complete'
      ? 'This cycle is complete: its worksheet is read-only.'
      : `“${label}” is part of the plan, locked when the test started (the predictions stay as they were).`,
  )
}

export async function updateNarrative({
  db,
  actor,
  now,
  id,
  section,
  text,
  onDocumentWritten,
}: {
  db: Db
  actor: Actor
  now: Date
  /** After commit: the update that changed the document, for the collaboration server to apply. */
  onDocumentWritten?: (cycleId: string, update: Uint8Array) => void
} & UpdateNarrativeInput) {
  const cycle = await requireEditableCycle(db, actor, id)
  refuseLockedSection(cycle.stage, section)
  const column = narrativeColumn(section)
  const written = await db.$transaction(async (tx) => {
    // One API write at a time per cycle (each replaces what the previous one wrote), and the stage as of
    // the lock: a transition that committed meanwhile may have locked the section.
    const [locked] = await tx.$queryRaw<{ stage: CycleStage }[]>`
      SELECT stage FROM "PdsaCycle" WHERE id = ${id}::uuid FOR UPDATE`
    if (!locked) throw notFound('Cycle')
    refuseLockedSection(locked.stage, section)
    const doc = new Y.Doc({ gc: true })
    try {
      const stored = await readCycleDocument(tx, id)
      for (const u of stored.updates) Y.applyUpdate(doc, u)
      // The update to store: everything after what is stored (so the seed too, when nothing is).
      const storedState = Y.encodeStateVector(doc)
      if (stored.updates.length === 0) {
        const texts = await readCycleTexts(tx, id)
        const seed = texts && buildInitialDocumentUpdate(texts)
        if (seed) Y.applyUpdate(doc, seed)
      }
      const previous = fragmentPlainText(doc.getXmlFragment(section))
      if (previous === text) return null
      replaceSectionText(doc, section, text)
      const update = Y.encodeStateAsUpdate(doc, storedState)
      await tx.yUpdate.create({
        data: {
          cycleId: id,
          data: toBytes(update),
          byteSize: update.byteLength,
          userId: actor.userId,
          instanceId: API_WRITER_ID,
        },
      })
      await tx.pdsaCycle.update({ where: { id }, data: { [column]: text, lastEditedAt: now } })
      await recordAudit(tx, actor, {
        action: 'cycle.update_narrative',
        entityType: 'pdsa_cycle',
        entityId: id,
        before: { [column]: previous },
        after: { [column]: text },
      })
      return update
    } finally {
      doc.destroy()
    }
  })
  if (!written) return { id, section, text, lastEditedAt: cycle.lastEditedAt }
  onDocumentWritten?.(id, written)
  return { id, section, text, lastEditedAt: now }
}
