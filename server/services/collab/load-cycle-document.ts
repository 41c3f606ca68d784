import { NARRATIVE_SECTION_KEYS, type NarrativeTexts, narrativeColumn } from '@pdsa/domain'
import { buildInitialDocumentUpdate } from '@pdsa/domain/collab'
import { encodeStateVectorFromUpdate } from 'yjs'
import type { Db, DbTx } from '../../db/client.ts'
import { toBytes } from './bytes.ts'

export interface StoredCycleDocument {
  /** The snapshot (if any) followed by every update row not yet compacted, in id order. */
  updates: Uint8Array[]
  /** Update rows not yet merged into the snapshot. */
  rowCount: number
  /** Bytes of the snapshot plus the rows. */
  byteSize: number
}

/**
 * Reads the stored document: rows first, then the snapshot. In that order a compaction that commits
 * in between is harmless: rows it deleted after our read are in the snapshot we read next (updates
 * are idempotent, so reading something twice is fine), and reading every remaining row, whatever its
 * id, includes rows that committed after an earlier compaction chose its ids.
 */
export async function readCycleDocument(db: DbTx, cycleId: string): Promise<StoredCycleDocument> {
  const rows = await db.yUpdate.findMany({
    where: { cycleId },
    orderBy: { id: 'asc' },
    select: { data: true },
  })
  const snapshot = await db.ySnapshot.findUnique({ where: { cycleId }, select: { state: true } })
  const updates = [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.data)]
  return {
    updates,
    rowCount: rows.length,
    byteSize: updates.reduce((n, u) => n + u.byteLength, 0),
  }
}

const textColumns = Object.fromEntries(NARRATIVE_SECTION_KEYS.map((k) => [narrativeColumn(k), true])) as {
  [K in (typeof NARRATIVE_SECTION_KEYS)[number] as `${K}Text`]: true
}

/** The cycle's narrative columns as section texts. */
export async function readCycleTexts(db: DbTx, cycleId: string): Promise<NarrativeTexts | null> {
  const cycle = await db.pdsaCycle.findUnique({ where: { id: cycleId }, select: textColumns })
  if (!cycle) return null
  return Object.fromEntries(
    NARRATIVE_SECTION_KEYS.map((k) => [k, cycle[narrativeColumn(k)]]),
  ) as NarrativeTexts
}

/**
 * A cycle that has narrative text but no collaborative document yet (e.g. the demo seed) gets its
 * initial document once, as a snapshot written in a transaction that first checks that nothing is
 * stored. Never on a later load (that re-inserts content: hocuspocus#344). Returns whether it seeded.
 */
async function seedFromTexts(db: Db, cycleId: string): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const [snapshot, row] = await Promise.all([
        tx.ySnapshot.findUnique({ where: { cycleId }, select: { cycleId: true } }),
        tx.yUpdate.findFirst({ where: { cycleId }, select: { id: true } }),
      ])
      if (snapshot || row) return false
      const texts = await readCycleTexts(tx, cycleId)
      const update = texts && buildInitialDocumentUpdate(texts)
      if (!update) return false
      await tx.ySnapshot.create({
        data: {
          cycleId,
          state: toBytes(update),
          stateVector: toBytes(encodeStateVectorFromUpdate(update)),
          byteSize: update.byteLength,
        },
      })
      return true
    })
  } catch (error) {
    // Another instance seeded the same cycle at the same moment (unique cycleId): its snapshot is
    // byte-identical (the seed is deterministic), so reading it is all that is left to do.
    if ((error as { code?: string }).code === 'P2002') return false
    throw error
  }
}

/** Loads a cycle's document for the collaboration server, seeding it from the plain texts once. */
export async function loadCycleDocument({ db, cycleId }: { db: Db; cycleId: string }) {
  const stored = await readCycleDocument(db, cycleId)
  if (stored.updates.length > 0) return stored
  return (await seedFromTexts(db, cycleId)) ? readCycleDocument(db, cycleId) : stored
}
