import { type NarrativeSectionKey, type NarrativeTexts, narrativeColumn } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/**
 * Writes the plain text of the sections that changed into the cycle's `*Text` columns (search,
 * exports, the API and the coach views read those), and the time of the edit into `lastEditedAt`.
 * Returns false when the cycle no longer exists.
 */
export async function mirrorCycleTexts({
  db,
  cycleId,
  texts,
  editedAt,
}: {
  db: DbTx
  cycleId: string
  texts: Partial<NarrativeTexts>
  editedAt: Date
}): Promise<boolean> {
  const data: Record<string, string | Date> = { lastEditedAt: editedAt }
  for (const [key, text] of Object.entries(texts) as [NarrativeSectionKey, string][]) {
    data[narrativeColumn(key)] = text
  }
  const { count } = await db.pdsaCycle.updateMany({ where: { id: cycleId }, data })
  return count > 0
}
