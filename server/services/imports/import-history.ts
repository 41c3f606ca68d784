// The district's recent imports, for the data page: who imported which file, when, and what it did.
import { type Actor, type ImportHistoryInput, readableScope } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { canImportData } from './lookups.ts'

/** Importers and district readers see the district's batches; anyone else gets an empty list. */
export async function listImportHistory({
  db,
  actor,
  limit,
}: { db: DbTx; actor: Actor } & ImportHistoryInput) {
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
      createdBy: { select: { name: true } },
    },
  })
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
    })),
  }
}
