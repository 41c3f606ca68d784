// Undoing an import (ADR 031): who may, until when, and which cells a later change has touched since.
// Pure: the service loads the batch, its recorded changes and the cells as they are now, and asks these.
import { canAdministerDistrict } from './access.ts'
import type { Actor } from './roles.ts'

/** How long after an import it can be undone: a school week and a weekend to notice a wrong file. */
export const IMPORT_UNDO_DAYS = 7

const DAY_MS = 86_400_000

/** The last moment the import can be undone. */
export function importUndoDeadline(importedAt: Date): Date {
  return new Date(importedAt.getTime() + IMPORT_UNDO_DAYS * DAY_MS)
}

export interface UndoableBatch {
  createdById: string
  createdAt: Date
  undoneAt: Date | null
  changesRecorded: boolean
  /** Rows the import inserted or changed: an import that changed nothing has nothing to undo. */
  written: number
}

export type UndoRefusal = 'forbidden' | 'already_undone' | 'not_recorded' | 'nothing_written' | 'expired'

/**
 * Whether the actor may undo the batch now. Whoever ran the import (while they may still import data)
 * or a district admin, within IMPORT_UNDO_DAYS, once.
 */
export function importUndoCheck(
  actor: Actor,
  batch: UndoableBatch,
  now: Date,
  canImport: boolean,
): { ok: true } | { ok: false; reason: UndoRefusal } {
  const isImporter = batch.createdById === actor.userId && canImport
  if (!isImporter && !canAdministerDistrict(actor)) return { ok: false, reason: 'forbidden' }
  if (batch.undoneAt) return { ok: false, reason: 'already_undone' }
  if (!batch.changesRecorded) return { ok: false, reason: 'not_recorded' }
  if (batch.written === 0) return { ok: false, reason: 'nothing_written' }
  if (now.getTime() > importUndoDeadline(batch.createdAt).getTime()) return { ok: false, reason: 'expired' }
  return { ok: true }
}

export const UNDO_REFUSAL_MESSAGES: Record<UndoRefusal, string> = {
  forbidden: 'Only the person who ran this import, or a district admin, can undo it.',
  already_undone: 'This import has already been undone.',
  not_recorded:
    'This import was made before imports recorded what they replaced, so it cannot be undone. Import a corrected file instead.',
  nothing_written: 'This import changed no observation, so there is nothing to undo.',
  expired: `Imports can be undone for ${IMPORT_UNDO_DAYS} days. This one is older: import a corrected file instead.`,
}

/** One cell the import wrote, with what it wrote. */
export interface WrittenCell {
  observationId: string
  value: number
  numerator: number | null
  denominator: number | null
}

/** The same cell as it is now (absent when it was deleted since). */
export interface CurrentCell {
  id: string
  value: number
  numerator: number | null
  denominator: number | null
  importBatchId: string | null
}

export interface ChangedCell {
  observationId: string
  reason: 'deleted' | 'reimported' | 'edited'
  /** The import that wrote the cell last (another one when re-imported). */
  importBatchId: string | null
}

/**
 * The cells a later import or manual edit has changed since the import wrote them: deleted, written by
 * another import, or holding other values. Undoing would overwrite that later work, so it is refused.
 */
export function changedSinceImport(
  batchId: string,
  written: readonly WrittenCell[],
  current: ReadonlyMap<string, CurrentCell>,
): ChangedCell[] {
  return written.flatMap((w): ChangedCell[] => {
    const now = current.get(w.observationId)
    if (!now) return [{ observationId: w.observationId, reason: 'deleted', importBatchId: null }]
    if (now.importBatchId !== batchId) {
      return [{ observationId: w.observationId, reason: 'reimported', importBatchId: now.importBatchId }]
    }
    const same = now.value === w.value && now.numerator === w.numerator && now.denominator === w.denominator
    return same ? [] : [{ observationId: w.observationId, reason: 'edited', importBatchId: batchId }]
  })
}
