// The page's side of the offline app shell: registering the service worker (production builds only),
// telling it who is signed in, and deleting everything kept for offline use at sign-out.
import { closeAllCycleDocuments } from '~/hooks/use-cycle-document'
import { isOfflinePagePath, LOCAL_DOCUMENT_PREFIX, type ServiceWorkerMessage } from './shared'

const supported = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator

async function tellWorker(message: ServiceWorkerMessage) {
  const registration = await navigator.serviceWorker.ready
  registration.active?.postMessage(message)
}

/**
 * Registers the app shell worker and tells it who is signed in. Signed-out pages do not install it;
 * a worker already there is told that nobody is signed in (it drops the kept pages).
 */
export function registerAppShell(userId: string | null): void {
  if (!supported() || !import.meta.env.PROD) return
  if (!userId) {
    navigator.serviceWorker.controller?.postMessage({
      type: 'user',
      userId: null,
    } satisfies ServiceWorkerMessage)
    return
  }
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('The offline app shell could not be installed', error)
  })
  void tellWorker({ type: 'user', userId })
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname.startsWith('/assets/'))
  void tellWorker({ type: 'keep-assets', urls })
}

/** Whether this document's own request went through the worker (then it is kept already). */
const loadedThroughWorker = supported() && !!navigator.serviceWorker.controller
let firstPage = true

/**
 * Asks the worker to keep the page at `url` for offline use when it did not go through the worker:
 * the first visit (before the worker was installed) and pages reached by in-app navigation.
 */
export function keepPageOffline(url: string): void {
  if (!supported() || !import.meta.env.PROD) return
  const initial = firstPage
  firstPage = false
  if (initial && loadedThroughWorker) return
  if (!isOfflinePagePath(new URL(url, location.href).pathname)) return
  void tellWorker({ type: 'keep-page', url })
}

/**
 * Deletes what this browser keeps for offline use: the open documents are closed, every cache, every
 * local document copy and the worker are deleted (a shared computer shows nothing of this user to
 * the next). Edits not sent yet are lost with them.
 */
export async function clearOfflineData(): Promise<void> {
  closeAllCycleDocuments()
  const work: Promise<unknown>[] = []
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) work.push(caches.delete(name))
  }
  if (typeof indexedDB !== 'undefined' && 'databases' in indexedDB) {
    for (const db of await indexedDB.databases()) {
      if (!db.name?.startsWith(LOCAL_DOCUMENT_PREFIX)) continue
      const name = db.name
      work.push(
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name)
          request.onsuccess = request.onerror = request.onblocked = () => resolve()
        }),
      )
    }
  }
  if (supported()) {
    // The worker goes too (it is installed again at the next sign-in, with a fresh app shell).
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      work.push(registration.unregister())
    }
  }
  await Promise.all(work)
}
