import * as Y from 'yjs'
import type { Db } from '../../db/client.ts'
import { compactionLockKey, toBytes } from './bytes.ts'

export type CompactionResult =
  | { status: 'compacted'; mergedRows: number; byteSize: number }
  | { status: 'busy' | 'nothing' }

/**
 * Merges a cycle's update rows into its snapshot, in one transaction under an advisory lock on the
 * document (`pg_try_advisory_xact_lock`: another instance already compacting means "busy", not a wait).
 * Deletes exactly the rows it read, by id: ids are assigned at INSERT, not at COMMIT, so a row with a
 * lower id than the largest merged one may commit later, and `id <= max` would delete it unmerged.
 */
export async function compactCycleDocument({
  db,
  cycleId,
  maxRows = 5_000,
}: {
  db: Db
  cycleId: string
  maxRows?: number
}): Promise<CompactionResult> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${compactionLockKey(cycleId)}, 0)) AS locked`
      if (!lock?.locked) return { status: 'busy' } as const
      const rows = await tx.yUpdate.findMany({
        where: { cycleId },
        orderBy: { id: 'asc' },
        take: maxRows,
        select: { id: true, data: true },
      })
      if (rows.length === 0) return { status: 'nothing' } as const
      const previous = await tx.ySnapshot.findUnique({
        where: { cycleId },
        select: { state: true, lastUpdateId: true, compactedRows: true },
      })
      const doc = new Y.Doc({ gc: true })
      doc.transact(() => {
        if (previous) Y.applyUpdate(doc, previous.state)
        for (const row of rows) Y.applyUpdate(doc, row.data)
      })
      // encodeStateAsUpdate includes structs still waiting for content they depend on (pendingStructs).
      const state = Y.encodeStateAsUpdate(doc)
      const stateVector = Y.encodeStateVector(doc)
      doc.destroy()
      const ids = rows.map((r) => r.id)
      const maxId = ids[ids.length - 1] as bigint
      const lastUpdateId = previous && previous.lastUpdateId > maxId ? previous.lastUpdateId : maxId
      const data = {
        state: toBytes(state),
        stateVector: toBytes(stateVector),
        byteSize: state.byteLength,
        lastUpdateId,
        compactedRows: (previous?.compactedRows ?? 0) + rows.length,
      }
      await tx.ySnapshot.upsert({ where: { cycleId }, create: { cycleId, ...data }, update: data })
      await tx.yUpdate.deleteMany({ where: { cycleId, id: { in: ids } } })
      return { status: 'compacted', mergedRows: rows.length, byteSize: state.byteLength } as const
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}
