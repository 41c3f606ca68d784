import type { ImportPreviewEvent, ImportRowStatus, ImportSampleRow } from '@pdsa/domain'
import { cellsOf } from './check-rows.ts'
import { compareWithStored, ROW_CHANGED, ROW_NEW } from './compare-rows.ts'
import { type ImportFileInput, prepareImport } from './prepare-import.ts'
import { toDateWarnings } from './to-date-warnings.ts'

const SAMPLE_ROWS = 10
const ERRORS_SHOWN = 500
const WARNINGS_SHOWN = 500

/**
 * What importing the file would do, without writing anything: the counts (rows, valid, invalid, new,
 * changed, unchanged), the first rows with their fate, every row-level problem (the first 500 of them),
 * the warnings on rows that import but deserve a look (year-to-date counts that fall) and the last
 * import of the same file, if any.
 */
export async function previewImport(input: ImportFileInput): Promise<ImportPreviewEvent> {
  const prepared = await prepareImport(input)
  const { parsed, checked } = prepared
  const statuses = await compareWithStored(input.db, input.actor.districtId, checked.valid, (done, total) =>
    input.onProgress?.({ type: 'progress', phase: 'compare', done, total }),
  )
  const warnings = await toDateWarnings(input.db, input.actor.districtId, checked.valid, prepared.lookups)
  let added = 0
  let changed = 0
  for (const s of statuses) {
    if (s === ROW_NEW) added++
    else if (s === ROW_CHANGED) changed++
  }
  const statusOfRow = new Map<number, ImportRowStatus>()
  for (let i = 0; i < checked.valid.length && i < SAMPLE_ROWS; i++) {
    const s = statuses[i]
    statusOfRow.set(
      (checked.valid[i] as { row: number }).row,
      s === ROW_NEW ? 'new' : s === ROW_CHANGED ? 'changed' : 'unchanged',
    )
  }
  const sample: ImportSampleRow[] = parsed.records.slice(0, SAMPLE_ROWS).map((record) => ({
    row: record.row,
    cells: cellsOf(record, parsed.columns),
    status: checked.invalidRows.has(record.row) ? 'invalid' : (statusOfRow.get(record.row) ?? 'unchanged'),
  }))
  return {
    type: 'preview',
    fileName: prepared.fileName,
    fileSha256: prepared.fileSha256,
    counts: {
      rows: parsed.records.length,
      valid: checked.valid.length,
      invalid: parsed.records.length - checked.valid.length,
      new: added,
      changed,
      unchanged: checked.valid.length - added - changed,
    },
    sample,
    errors: checked.errors.slice(0, ERRORS_SHOWN),
    errorCount: checked.errors.length,
    warnings: warnings.slice(0, WARNINGS_SHOWN),
    warningCount: warnings.length,
    notes: prepared.notes,
    previousImport: prepared.previous,
  }
}
