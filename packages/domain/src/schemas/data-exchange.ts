// Data in and out: the CSV import of observations (limits, columns, the events the upload streams back)
// and the CSV exports of observations and cycles. See docs/decisions/012-csv-import.md.
import { z } from 'zod'
import { IdSchema, IsoDateSchema, TextSchema } from './common.ts'

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

/** "50.0 MB" (one decimal), for messages about sizes. */
export function megabytesText(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** "The file is 50.0 MB; the limit is 20 MB. Nothing was imported: split it by school or by year." */
export function fileTooLargeMessage(bytes: number | null): string {
  const size = bytes === null ? 'over 20 MB' : megabytesText(bytes)
  return (
    `The file is ${size}; the limit is ${IMPORT_MAX_BYTES / (1024 * 1024)} MB. ` +
    'Nothing was imported: split it by school or by year and import the parts.'
  )
}

/** Base64 text of a file at the limit (4 characters per 3 bytes), plus slack for padding. */
const MAX_BASE64_CHARS = Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4
/**
 * Files up to 4× the limit pass the schema, so in-process callers learn the file's size from the service;
 * over HTTP the request body limit below cuts them off first.
 */
const HARD_BASE64_CHARS = MAX_BASE64_CHARS * 4

/**
 * The largest request body the API reads for one import upload (data.previewImport or data.commitImport,
 * sent alone): a file at the limit as base64, plus 256 KB for the rest of the request. Anything larger is
 * refused with 413 while it is still arriving, before it fills memory (docs/decisions/021-input-hygiene.md).
 */
export const IMPORT_MAX_BODY_BYTES = MAX_BASE64_CHARS + 256 * 1024

/**
 * The largest request body of every other API request, batches included. The largest legitimate one is
 * about 1 MB (20 questions with every text at its limit; 5,000 observation rows take about 0.7 MB).
 */
export const API_MAX_BODY_BYTES = 4 * 1024 * 1024

/** The most calls one batched API request may carry (the browser's batch link splits at this size). */
export const API_MAX_BATCH_CALLS = 20

/** The procedures whose requests may carry an import file (and so a body up to IMPORT_MAX_BODY_BYTES). */
export const IMPORT_UPLOAD_PROCEDURES: readonly string[] = ['data.previewImport', 'data.commitImport']

export function requestTooLargeMessage(): string {
  return (
    `The request is too large: the server accepts an import file of up to ${IMPORT_MAX_BYTES / (1024 * 1024)} MB ` +
    `(sent on its own) and at most ${API_MAX_BODY_BYTES / (1024 * 1024)} MB for any other request. Nothing was changed.`
  )
}

export function batchTooLargeMessage(): string {
  return (
    `One request may carry at most ${API_MAX_BATCH_CALLS} calls. Nothing was done: ` +
    'send the calls in smaller batches.'
  )
}

export const ImportFileNameSchema = TextSchema.trim()
  .min(1, { message: 'The file needs a name.' })
  .max(255, { message: 'The file name is longer than 255 characters.' })

/** preview: check and compare only; all: write every row (refused while any is invalid); valid_only: skip invalid rows. */
export const IMPORT_MODES = ['preview', 'all', 'valid_only'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]
export const ImportModeSchema = z.enum(IMPORT_MODES, { message: 'Must be preview, all or valid_only.' })

/** A client-chosen id under which the server reports the stages of one upload (see ImportProgressInput). */
export const UploadIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'Must be 8 to 64 letters, digits, "-" or "_".' })

/** One file, sent as base64 (the server decodes it: UTF-8, else Windows-1252). */
export const ImportUploadInputSchema = z.object({
  fileName: ImportFileNameSchema,
  contentBase64: z
    .string()
    .max(HARD_BASE64_CHARS, { message: fileTooLargeMessage(null) })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The file content is not base64.' }),
  uploadId: UploadIdSchema.optional(),
})
export type ImportUploadInput = z.infer<typeof ImportUploadInputSchema>

export const CommitImportInputSchema = ImportUploadInputSchema.extend({
  /** all: refused while any row is invalid; valid_only: skip the invalid rows. */
  mode: z.enum(['all', 'valid_only'], { message: 'Must be all or valid_only.' }),
})
export type CommitImportInput = z.infer<typeof CommitImportInputSchema>

export const ImportProgressInputSchema = z.object({ uploadId: UploadIdSchema })
export type ImportProgressInput = z.infer<typeof ImportProgressInputSchema>

export const ImportHistoryInputSchema = z
  .object({ limit: z.number().int().min(1).max(100, { message: 'At most 100.' }).default(20) })
  .prefault({})
export type ImportHistoryInput = z.infer<typeof ImportHistoryInputSchema>

/** Undo one import (ADR 031). */
export const UndoImportInputSchema = z.object({ batchId: IdSchema })
export type UndoImportInput = z.infer<typeof UndoImportInputSchema>

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
  /**
   * Rows that import but deserve a look (a year-to-date count that falls within a school year): the
   * first 500; `warningCount` says how many there are in all.
   */
  warnings: ImportRowError[]
  warningCount: number
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
