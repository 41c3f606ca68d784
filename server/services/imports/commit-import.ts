import { DomainError, formatDateTime, type ImportResultEvent } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import type { OnNotified } from '../notifications/notify.ts'
import { notifyImportFinished } from '../notifications/work-notifications.ts'
import { type ImportFileInput, prepareImport } from './prepare-import.ts'
import { upsertRows } from './write-rows.ts'

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * Imports a file's observations in one transaction: every row (`all`, refused while any row is invalid)
 * or only the valid ones (`valid_only`). Rows identical to the stored ones are left alone; the batch is
 * recorded with the file's SHA-256 and its counts, with one audit event. Importing a file that was
 * already imported, when nothing has changed since, records nothing at all.
 */
export async function commitImport(
  input: Omit<ImportFileInput, 'db'> & { db: Db; mode: 'all' | 'valid_only'; onNotified?: OnNotified },
): Promise<ImportResultEvent> {
  const { db, actor, now, mode } = input
  const prepared = await prepareImport(input)
  const { valid, errors } = prepared.checked
  const rows = prepared.parsed.records.length
  const skipped = rows - valid.length
  if (mode === 'all' && skipped > 0) {
    throw new DomainError(
      'VALIDATION',
      `${plural(skipped, 'row has', 'rows have')} problems, so nothing was imported. ` +
        'Fix them and import again, or import only the valid rows.',
      { errors: errors.slice(0, 500), status: 422 },
    )
  }
  if (valid.length === 0) {
    // Only reachable with valid_only (`all` refused above): nothing to write, nothing to record.
    return {
      type: 'result',
      batchId: null,
      fileName: prepared.fileName,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skipped,
      alreadyImported: null,
      message: `No row of ${prepared.fileName} can be imported (${plural(skipped, 'invalid row')}), so nothing was imported.`,
    }
  }
  const committed = await db.$transaction(
    async (tx) => {
      const batch = await tx.importBatch.create({
        data: {
          districtId: actor.districtId,
          createdById: actor.userId,
          fileName: prepared.fileName,
          fileSha256: prepared.fileSha256,
          changesRecorded: true,
          createdAt: now,
          rowCount: rows,
        },
      })
      const target = { districtId: actor.districtId, batchId: batch.id, actorId: actor.userId, now }
      const { inserted, updated } = await upsertRows(tx, target, valid, (done, total) =>
        input.onProgress?.({ type: 'progress', phase: 'write', done, total }),
      )
      const counts = { inserted, updated, unchanged: valid.length - inserted - updated, skipped }
      if (inserted + updated === 0 && prepared.previous) {
        // The same bytes again and nothing to change: leave no trace.
        await tx.importBatch.delete({ where: { id: batch.id } })
        return { batchId: null, ...counts, notified: [] as string[] }
      }
      await tx.importBatch.update({
        where: { id: batch.id },
        data: {
          insertedCount: inserted,
          updatedCount: updated,
          unchangedCount: counts.unchanged,
          skippedCount: skipped,
        },
      })
      await recordAudit(tx, actor, {
        action: 'observation.import',
        entityType: 'import_batch',
        entityId: batch.id,
        after: { fileName: prepared.fileName, fileSha256: prepared.fileSha256, mode, rows, ...counts },
      })
      const notified = await notifyImportFinished(tx, {
        actor,
        batchId: batch.id,
        fileName: prepared.fileName,
        counts,
        now,
      })
      return { batchId: batch.id, ...counts, notified }
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  )
  const { notified, ...outcome } = committed
  if (notified.length) input.onNotified?.(notified)
  const alreadyImported = outcome.batchId === null ? prepared.previous : null
  const message = alreadyImported
    ? `Nothing changed: 0 new rows, 0 changed rows, ${plural(outcome.unchanged, 'unchanged row')}. ` +
      `This file was already imported on ${formatDateTime(alreadyImported.createdAt, prepared.lookups.timeZone)}.`
    : `Imported ${prepared.fileName}: ${plural(outcome.inserted, 'new row')}, ${plural(outcome.updated, 'changed row')}, ` +
      `${plural(outcome.unchanged, 'unchanged row')}${skipped ? `, ${plural(skipped, 'invalid row')} skipped` : ''}.`
  return { type: 'result', fileName: prepared.fileName, ...outcome, alreadyImported, message }
}
