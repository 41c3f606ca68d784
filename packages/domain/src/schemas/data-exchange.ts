// Data in and out: the CSV import of observations (limits, columns, the events the upload streams back)
// and the CSV exports of observations and cycles. See docs/decisions/012-csv-import.md.
import { z } from 'zod'
import { IdSchema, IsoDateSchema } from './common.ts'

/** Files above this are refused before they are read, let alone parsed. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024

/** The columns of an import file, in the order the template lists them. */
export const IMPORT_COLUMNS = [
  'measure',
  'school',
  'period',
  'student_group',
  'value',
  'numerator',
  'denominator',
] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]

const megabytes = (bytes: number) => {
  const mb = bytes / (1024 * 1024)
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10)
}

/** "This file is 52 MB; the limit is 20 MB. Split it by school or by year." */
export function fileTooLargeMessage(bytes: number | null): string {
  const size = bytes === null ? 'over 20 MB' : `${megabytes(bytes)} MB`
  return `This file is ${size}; the limit is ${megabytes(IMPORT_MAX_BYTES)} MB. Split it by school or by year.`
}

export const ImportFileNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'The file needs a name.' })
  .max(255, { message: 'The file name is longer than 255 characters.' })

/** preview: check and compare only; all: write every row (refused while any is invalid); valid_only: skip invalid rows. */
export const IMPORT_MODES = ['preview', 'all', 'valid_only'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]
export const ImportModeSchema = z.enum(IMPORT_MODES, { message: 'Must be preview, all or valid_only.' })

export const ImportHistoryInputSchema = z
  .object({ limit: z.number().int().min(1).max(100, { message: 'At most 100.' }).default(20) })
  .prefault({})
export type ImportHistoryInput = z.infer<typeof ImportHistoryInputSchema>

// ─────────────── What the upload streams back (one JSON object per line) ───────────────

export type ImportPhase = 'parse' | 'check' | 'compare' | 'write'

export interface ImportProgressEvent {
  type: 'progress'
  phase: ImportPhase
  done: number
  total: number
}

/** One problem of one row: the message names the row ("Row 14: period 2026-02-30 is not a date."). */
export interface ImportRowError {
  row: number
  message: string
}

export type ImportRowStatus = 'new' | 'changed' | 'unchanged' | 'invalid'

export interface ImportSampleRow {
  row: number
  cells: Record<ImportColumn, string>
  status: ImportRowStatus
}

export interface ImportCounts {
  rows: number
  valid: number
  invalid: number
  new: number
  changed: number
  unchanged: number
}

export interface PreviousImport {
  id: string
  fileName: string
  createdAt: string
  createdBy: string
}

export interface ImportPreviewEvent {
  type: 'preview'
  fileName: string
  fileSha256: string
  counts: ImportCounts
  /** The first rows of the file, with what importing would do to each. */
  sample: ImportSampleRow[]
  /** The first problems (at most 500); `errorCount` says how many there are in all. */
  errors: ImportRowError[]
  errorCount: number
  /** File-level remarks: ignored columns, the text encoding. */
  notes: string[]
  /** The last import of a file with the same bytes, if any. */
  previousImport: PreviousImport | null
}

export interface ImportResultEvent {
  type: 'result'
  /** null when nothing was recorded: the same file had already been imported and nothing changed. */
  batchId: string | null
  fileName: string
  inserted: number
  updated: number
  unchanged: number
  skipped: number
  alreadyImported: PreviousImport | null
  message: string
}

export interface ImportErrorEvent {
  type: 'error'
  status: number
  message: string
  errors?: ImportRowError[]
}

export type ImportEvent = ImportProgressEvent | ImportPreviewEvent | ImportResultEvent | ImportErrorEvent

// ─────────────── Exports ───────────────

export const ExportObservationsInputSchema = z
  .object({
    measureId: IdSchema,
    /** Omitted: every school whose data the caller may read. */
    schoolIds: z.array(IdSchema).max(200, { message: 'At most 200 schools.' }).optional(),
    /** Omitted: every student group. */
    studentGroupIds: z.array(IdSchema).max(100, { message: 'At most 100 student groups.' }).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end is before the start.',
  })
export type ExportObservationsInput = z.infer<typeof ExportObservationsInputSchema>

/** One team's cycles, one school's, or (neither) every cycle the caller may read. */
export const ExportCyclesInputSchema = z
  .object({ teamId: IdSchema.optional(), schoolId: IdSchema.optional() })
  .refine((v) => !(v.teamId && v.schoolId), {
    path: ['schoolId'],
    message: 'Give a team or a school, not both.',
  })
  .prefault({})
export type ExportCyclesInput = z.infer<typeof ExportCyclesInputSchema>
