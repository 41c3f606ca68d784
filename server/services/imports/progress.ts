// Where an upload is, for the page that polls `data.importProgress` while the server parses, checks,
// compares and writes a large file. Kept in this process's memory under the uploader's user id and a
// client-chosen upload id (only the uploader can read it), for ten minutes after the last event.
import type { ImportPhase, ImportProgressEvent } from '@pdsa/domain'

export interface ImportProgressView {
  phase: ImportPhase | 'done'
  done: number
  total: number
  updatedAt: number
}

const TTL_MS = 10 * 60_000
const MAX_ENTRIES = 10_000
const entries = new Map<string, ImportProgressView>()

const keyOf = (userId: string, uploadId: string) => `${userId}:${uploadId}`

function sweep(now: number) {
  for (const [key, entry] of entries) {
    if (now - entry.updatedAt > TTL_MS || entries.size > MAX_ENTRIES) entries.delete(key)
  }
}

/** A progress callback for one upload (a no-op without an upload id). */
export function progressReporter(
  userId: string,
  uploadId: string | undefined,
): ((event: ImportProgressEvent) => void) | undefined {
  if (!uploadId) return undefined
  const key = keyOf(userId, uploadId)
  return (event) => {
    const now = Date.now()
    if (entries.size > MAX_ENTRIES / 2) sweep(now)
    entries.set(key, { phase: event.phase, done: event.done, total: event.total, updatedAt: now })
  }
}

export function finishProgress(userId: string, uploadId: string | undefined) {
  if (!uploadId) return
  entries.set(keyOf(userId, uploadId), { phase: 'done', done: 1, total: 1, updatedAt: Date.now() })
}

/** The last reported stage of the caller's own upload, or null when there is none (yet). */
export function readProgress(userId: string, uploadId: string): ImportProgressView | null {
  const entry = entries.get(keyOf(userId, uploadId))
  if (!entry || Date.now() - entry.updatedAt > TTL_MS) return null
  return entry
}
