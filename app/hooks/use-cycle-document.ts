// One collaborative document per cycle, shared by every section editor of the page: a Y.Doc, the
// y-websocket provider and the IndexedDB copy, created in the browser only and released (after a
// short delay, so re-mounts reuse it) when the last editor unmounts.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import {
  CycleDocument,
  type CycleDocumentStatus,
  INITIAL_STATUS,
} from '~/components/CollaborativeNarrative/cycle-document'
import { userColor } from '~/components/CollaborativeNarrative/user-color'
import { localDocumentName } from '~/service-worker/shared'

export interface CollaborationUser {
  id: string
  name: string
}

interface Entry {
  document: CycleDocument
  refs: number
  releaseTimer: ReturnType<typeof setTimeout> | null
}

const registry = new Map<string, Entry>()

function collabUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`
}

/** One document per user and cycle: a tab where someone else signs in never reuses the previous one. */
const keyOf = (cycleId: string, userId: string) => `${userId}:${cycleId}`

function acquire(cycleId: string, user: CollaborationUser): CycleDocument {
  const key = keyOf(cycleId, user.id)
  let entry = registry.get(key)
  if (!entry) {
    const document = new CycleDocument({
      cycleId,
      serverUrl: collabUrl(),
      user: { name: user.name, color: userColor(user.id) },
      // The local copy belongs to the user: another person signing in on this computer never loads it.
      localCopy: (_name, doc) =>
        typeof indexedDB === 'undefined'
          ? null
          : new IndexeddbPersistence(localDocumentName(user.id, cycleId), doc),
      isOnline: () => navigator.onLine,
    })
    entry = { document, refs: 0, releaseTimer: null }
    registry.set(key, entry)
  }
  if (entry.releaseTimer) clearTimeout(entry.releaseTimer)
  entry.releaseTimer = null
  entry.refs++
  return entry.document
}

function release(key: string) {
  const entry = registry.get(key)
  if (!entry) return
  entry.refs--
  if (entry.refs > 0) return
  entry.releaseTimer = setTimeout(() => {
    registry.delete(key)
    entry.document.destroy()
  }, 2_000)
}

/** Closes every open document now (signing out deletes their local copies next). */
export function closeAllCycleDocuments(): void {
  for (const [key, entry] of registry) {
    if (entry.releaseTimer) clearTimeout(entry.releaseTimer)
    registry.delete(key)
    entry.document.destroy()
  }
}

/**
 * Waits until this page's edits of the cycle's worksheet are stored on the server (true), or gives up
 * after `timeoutMs` (false). True at once when the page has no open document or nothing unsaved.
 */
export function waitForCycleDocumentSaved(cycleId: string, timeoutMs = 8_000): Promise<boolean> {
  const entries = [...registry].filter(([key]) => key.endsWith(`:${cycleId}`)).map(([, e]) => e)
  return Promise.all(entries.map((e) => e.document.whenSaved(timeoutMs))).then((saved) =>
    saved.every(Boolean),
  )
}

const noSubscription = () => () => undefined
const initialStatus = () => INITIAL_STATUS

/** The cycle's shared document (null during server rendering and the first client render) and its status. */
export function useCycleDocument(
  cycleId: string,
  user: CollaborationUser | null,
): { document: CycleDocument | null; status: CycleDocumentStatus } {
  const [document, setDocument] = useState<CycleDocument | null>(null)
  const userId = user?.id
  const userName = user?.name
  useEffect(() => {
    if (!userId || !userName) return
    const doc = acquire(cycleId, { id: userId, name: userName })
    setDocument(doc)
    const onlineChanged = () => doc.browserOnlineChanged()
    window.addEventListener('online', onlineChanged)
    window.addEventListener('offline', onlineChanged)
    return () => {
      window.removeEventListener('online', onlineChanged)
      window.removeEventListener('offline', onlineChanged)
      setDocument(null)
      release(keyOf(cycleId, userId))
    }
  }, [cycleId, userId, userName])
  const status = useSyncExternalStore(
    document?.subscribe ?? noSubscription,
    document?.getStatus ?? initialStatus,
    initialStatus,
  )
  return { document, status }
}
