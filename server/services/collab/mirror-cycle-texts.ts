import { type NarrativeSectionKey, type NarrativeTexts, narrativeColumn } from '@pdsa/domain'
import type { Db, DbTx } from '../../db/client.ts'
import type { OnNotified } from '../notifications/notify.ts'
import { notifyWorksheetMentions } from '../notifications/worksheet-mentions.ts'
import { readCycleTexts } from './load-cycle-document.ts'

/**
 * Writes the plain text of the sections that changed into the cycle's `*Text` columns (search,
 * exports, the API and the coach views read those), and the time of the edit into `lastEditedAt`.
 * In the same transaction, the @mentions the new text adds notify the people mentioned (ADR 030).
 * Returns false when the cycle no longer exists.
 */
export async function mirrorCycleTexts({
  db,
  cycleId,
  texts,
  editedAt,
  editorId = null,
  now = new Date(),
  onNotified,
}: {
  db: Db
  cycleId: string
  texts: Partial<NarrativeTexts>
  /** Null: leave `lastEditedAt` as it is (a repair whose edit time is unknown). */
  editedAt: Date | null
  /** Who made the latest edit (their own mentions never notify them). */
  editorId?: string | null
  now?: Date
  onNotified?: OnNotified
}): Promise<boolean> {
  const data: Record<string, string | Date> = editedAt ? { lastEditedAt: editedAt } : {}
  for (const [key, text] of Object.entries(texts) as [NarrativeSectionKey, string][]) {
    data[narrativeColumn(key)] = text
  }
  const { count, notified } = await db.$transaction(async (tx) => {
    const before = await readCycleTexts(tx, cycleId)
    const { count } = await tx.pdsaCycle.updateMany({ where: { id: cycleId }, data })
    const notified =
      count > 0 && before
        ? await notifyWorksheetMentions(tx, { cycleId, before, after: texts, editorId, now })
        : []
    return { count, notified }
  })
  if (notified.length) onNotified?.(notified)
  return count > 0
}

/**
 * What the `*Text` columns hold now, and when the newest stored update row was written: the text
 * mirror starts from the columns (not from the document), so a document whose last edits were
 * stored but never mirrored (the process died within the mirror's delay) is written on load.
 */
export async function readMirrorBaseline(
  db: DbTx,
  cycleId: string,
): Promise<{ texts: NarrativeTexts; lastStoredAt: Date | null } | null> {
  const [texts, newest] = await Promise.all([
    readCycleTexts(db, cycleId),
    db.yUpdate.findFirst({ where: { cycleId }, orderBy: { id: 'desc' }, select: { createdAt: true } }),
  ])
  return texts ? { texts, lastStoredAt: newest?.createdAt ?? null } : null
}
