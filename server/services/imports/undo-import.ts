// Undoing an import (ADR 031): in one transaction, the observations the import created are removed and
// the ones it overwrote get back what they held, from the ImportChange rows the import wrote. Refused
// when a later import or a manual edit has changed any of those cells since (the message says which),
// after IMPORT_UNDO_DAYS, and for anyone but the importer or a district admin. The batch stays in the
// history, marked undone; the audit log records the reversal. Verdicts, releases and the district's
// cached figures follow by themselves: the district data-version trigger moves on these writes.
import {
  type Actor,
  changedSinceImport,
  DomainError,
  forbidden,
  importUndoCheck,
  notFound,
  UNDO_REFUSAL_MESSAGES,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { canImportData } from './lookups.ts'
import { describeChangedCells } from './undo-conflicts.ts'

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

export interface UndoImportResult {
  batchId: string
  removed: number
  restored: number
  message: string
}

export async function undoImport({
  db,
  actor,
  now,
  batchId,
}: {
  db: Db
  actor: Actor
  now: Date
  batchId: string
}): Promise<UndoImportResult> {
  return db.$transaction(
    async (tx) => {
      // Lock the batch: two undos of the same import (two tabs, a double click) run one after the other.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id"::text FROM "ImportBatch"
        WHERE "id" = ${batchId}::uuid AND "districtId" = ${actor.districtId}::uuid
        FOR UPDATE`
      if (locked.length === 0) throw notFound('Import')
      const batch = await tx.importBatch.findUniqueOrThrow({ where: { id: batchId } })
      const check = importUndoCheck(
        actor,
        {
          createdById: batch.createdById,
          createdAt: batch.createdAt,
          undoneAt: batch.undoneAt,
          changesRecorded: batch.changesRecorded,
          written: batch.insertedCount + batch.updatedCount,
        },
        now,
        canImportData(actor),
      )
      if (!check.ok) {
        const message = UNDO_REFUSAL_MESSAGES[check.reason]
        throw check.reason === 'forbidden'
          ? forbidden(message)
          : new DomainError(check.reason === 'already_undone' ? 'CONFLICT' : 'INVALID_STATE', message)
      }
      const cells = await tx.$queryRaw<
        {
          observationId: string
          value: number
          numerator: number | null
          denominator: number | null
          currentId: string | null
          currentValue: number | null
          currentNumerator: number | null
          currentDenominator: number | null
          currentBatchId: string | null
        }[]
      >`
        SELECT c."observationId"::text AS "observationId", c."value", c."numerator", c."denominator",
               o."id"::text AS "currentId", o."value" AS "currentValue", o."numerator" AS "currentNumerator",
               o."denominator" AS "currentDenominator", o."importBatchId"::text AS "currentBatchId"
        FROM "ImportChange" c LEFT JOIN "Observation" o ON o."id" = c."observationId"
        WHERE c."importBatchId" = ${batchId}::uuid
        ORDER BY c."period", c."measureId", c."schoolId", c."studentGroupId"`
      const current = new Map(
        cells.flatMap((c) =>
          c.currentId && c.currentValue !== null
            ? [
                [
                  c.currentId,
                  {
                    id: c.currentId,
                    value: c.currentValue,
                    numerator: c.currentNumerator,
                    denominator: c.currentDenominator,
                    importBatchId: c.currentBatchId,
                  },
                ] as const,
              ]
            : [],
        ),
      )
      const changed = changedSinceImport(batchId, cells, current)
      if (changed.length > 0) {
        const which = await describeChangedCells(tx, batchId, changed.slice(0, 5))
        const more = changed.length > 5 ? `; and ${plural(changed.length - 5, 'more cell')}` : ''
        throw new DomainError(
          'CONFLICT',
          `${batch.fileName} cannot be undone: ${plural(changed.length, 'cell it wrote was', 'cells it wrote were')} ` +
            `changed after it — ${which.join('; ')}${more}. Nothing was changed. Undo the later import first, ` +
            'or correct the values in the data entry grid.',
          { changedCells: changed.length },
        )
      }
      const removed = await tx.$executeRaw`
        DELETE FROM "Observation" o USING "ImportChange" c
        WHERE c."importBatchId" = ${batchId}::uuid AND c."created" AND o."id" = c."observationId"`
      const restored = await tx.$executeRaw`
        UPDATE "Observation" o SET
          "value" = c."previousValue", "numerator" = c."previousNumerator",
          "denominator" = c."previousDenominator", "source" = c."previousSource",
          "importBatchId" = c."previousImportBatchId", "enteredById" = c."previousEnteredById",
          "updatedAt" = c."previousUpdatedAt"
        FROM "ImportChange" c
        WHERE c."importBatchId" = ${batchId}::uuid AND NOT c."created" AND o."id" = c."observationId"`
      await tx.importBatch.update({
        where: { id: batchId },
        data: { undoneAt: now, undoneById: actor.userId },
      })
      await recordAudit(tx, actor, {
        action: 'observation.import_undo',
        entityType: 'import_batch',
        entityId: batchId,
        after: { fileName: batch.fileName, removed, restored },
      })
      return {
        batchId,
        removed,
        restored,
        message:
          `Undid the import of ${batch.fileName}: ${plural(removed, 'observation')} removed, ` +
          `${plural(restored, 'observation')} back to ${restored === 1 ? 'its' : 'their'} earlier values.`,
      }
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  )
}
