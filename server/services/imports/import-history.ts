// The district's recent imports, for the data page: who imported which file, when, and what it did.
import {
  type Actor,
  type ImportHistoryInput,
  importUndoCheck,
  importUndoDeadline,
  readableScope,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { canImportData } from './lookups.ts'

/** Importers and district readers see the district's batches; anyone else gets an empty list. */
export async function listImportHistory({
  db,
  actor,
  limit,
  now,
}: { db: DbTx; actor: Actor; now: Date } & ImportHistoryInput) {
  const scope = readableScope(actor)
  if (!scope.all && !canImportData(actor)) return { batches: [] }
  const rows = await db.importBatch.findMany({
    where: {
      districtId: actor.districtId,
      // Team leads and members see their own imports; district readers see everyone's.
      ...(scope.all ? {} : { createdById: actor.userId }),
    },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: {
      id: true,
      fileName: true,
      rowCount: true,
      insertedCount: true,
      updatedCount: true,
      unchangedCount: true,
      skippedCount: true,
      createdAt: true,
      createdById: true,
      createdBy: { select: { name: true } },
      changesRecorded: true,
      undoneAt: true,
      undoneBy: { select: { name: true } },
    },
  })
  const canImport = canImportData(actor)
  return {
    batches: rows.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      rows: r.rowCount,
      inserted: r.insertedCount,
      updated: r.updatedCount,
      unchanged: r.unchangedCount,
      skipped: r.skippedCount,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy.name,
      undoneAt: r.undoneAt?.toISOString() ?? null,
      undoneBy: r.undoneAt ? (r.undoneBy?.name ?? 'a former user') : null,
      /** Until when the import can be undone (ADR 031), and whether this reader may do it now. */
      undoUntil: importUndoDeadline(r.createdAt).toISOString(),
      canUndo: importUndoCheck(actor, { ...r, written: r.insertedCount + r.updatedCount }, now, canImport).ok,
    })),
  }
}
