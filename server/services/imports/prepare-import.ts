// The part of an import the preview and the import share: authorization, the size limit, the file's
// hash, decoding and parsing, and checking every row against the district's measures, schools and groups.
import { createHash } from 'node:crypto'
import {
  type Actor,
  DomainError,
  fileTooLargeMessage,
  IMPORT_MAX_BYTES,
  ImportFileNameSchema,
  type ImportProgressEvent,
  type PreviousImport,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { assertAllowed, validation } from '../shared.ts'
import { type CheckedFile, checkImportRows } from './check-rows.ts'
import { canImportData, type ImportLookups, loadImportLookups } from './lookups.ts'
import { decodeFile, type ParsedFile, parseImportFile } from './parse-file.ts'

export interface ImportFileInput {
  db: DbTx
  actor: Actor
  now: Date
  fileName: string
  bytes: Uint8Array
  onProgress?: (event: ImportProgressEvent) => void
}

export interface PreparedImport {
  fileName: string
  fileSha256: string
  parsed: ParsedFile
  checked: CheckedFile
  lookups: ImportLookups
  notes: string[]
  previous: PreviousImport | null
}

export const CANNOT_IMPORT =
  'Only team leads and team members (for their own school) and district leaders can import data.'

/** Refuses an import the actor may not make or a file that is too large, before reading a byte of it. */
export function assertMayImport(actor: Actor, byteLength: number | null) {
  assertAllowed(canImportData(actor), CANNOT_IMPORT)
  if (byteLength !== null && byteLength > IMPORT_MAX_BYTES) {
    throw new DomainError('VALIDATION', fileTooLargeMessage(byteLength), { status: 413 })
  }
}

/** The most recent import of a file with these very bytes in the actor's district. */
export async function findPreviousImport(db: DbTx, actor: Actor, fileSha256: string) {
  const batch = await db.importBatch.findFirst({
    where: { districtId: actor.districtId, fileSha256 },
    orderBy: { createdAt: 'desc' },
    select: { id: true, fileName: true, createdAt: true, createdBy: { select: { name: true } } },
  })
  return batch
    ? {
        id: batch.id,
        fileName: batch.fileName,
        createdAt: batch.createdAt.toISOString(),
        createdBy: batch.createdBy.name,
      }
    : null
}

export async function prepareImport(input: ImportFileInput): Promise<PreparedImport> {
  const { db, actor, now, bytes, onProgress } = input
  assertMayImport(actor, bytes.byteLength)
  const name = ImportFileNameSchema.safeParse(input.fileName)
  if (!name.success) throw validation('fileName', name.error.issues[0]?.message ?? 'Invalid file name.')
  const fileSha256 = createHash('sha256').update(bytes).digest('hex')
  onProgress?.({ type: 'progress', phase: 'parse', done: 0, total: bytes.byteLength })
  const { text, notes } = decodeFile(bytes)
  const parsed = parseImportFile(text)
  onProgress?.({ type: 'progress', phase: 'parse', done: bytes.byteLength, total: bytes.byteLength })
  const lookups = await loadImportLookups(db, actor, now)
  const checked = await checkImportRows(parsed, lookups, (done, total) =>
    onProgress?.({ type: 'progress', phase: 'check', done, total }),
  )
  const previous = await findPreviousImport(db, actor, fileSha256)
  return {
    fileName: name.data,
    fileSha256,
    parsed,
    checked,
    lookups,
    notes: [...notes, ...parsed.notes],
    previous,
  }
}
