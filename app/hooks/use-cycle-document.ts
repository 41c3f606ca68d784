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

function acquire(cycleId: string, user: CollaborationUser): CycleDocument {
  let entry = registry.get(cycleId)
  if (!entry) {
    const document = new CycleDocument({
      cycleId,
      serverUrl: collabUrl(),
      user: { name: user.name, color: userColor(user.id) },
      localCopy: (name, doc) =>
        typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(name, doc),
      isOnline: () => navigator.onLine,
    })
    entry = { document, refs: 0, releaseTimer: null }
    registry.set(cycleId, entry)
  }
  if (entry.releaseTimer) clearTimeout(entry.releaseTimer)
  entry.releaseTimer = null
  entry.refs++
  return entry.document
}

function release(cycleId: string) {
  const entry = registry.get(cycleId)
  if (!entry) return
  entry.refs--
  if (entry.refs > 0) return
  entry.releaseTimer = setTimeout(() => {
    registry.delete(cycleId)
    entry.document.destroy()
  }, 2_000)
}

/**
 * Waits until this page's edits of the cycle's worksheet are stored on the server (true), or gives up
 * after `timeoutMs` (false). True at once when the page has no open document or nothing unsaved.
 */
export function waitForCycleDocumentSaved(cycleId: string, timeoutMs = 8_000): Promise<boolean> {
  const entry = registry.get(cycleId)
  return entry ? entry.document.whenSaved(timeoutMs) : Promise.resolve(true)
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
    const onlineChanged = () => doc.refreshOnline()
    window.addEventListener('online', onlineChanged)
    window.addEventListener('offline', onlineChanged)
    return () => {
      window.removeEventListener('online', onlineChanged)
      window.removeEventListener('offline', onlineChanged)
      setDocument(null)
      release(cycleId)
    }
  }, [cycleId, userId, userName])
  const status = useSyncExternalStore(
    document?.subscribe ?? noSubscription,
    document?.getStatus ?? initialStatus,
    initialStatus,
  )
  return { document, status }
}
