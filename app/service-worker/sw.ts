// The app shell service worker (docs/decisions/023-offline-app-shell-and-presence.md). Built into
// build/client/sw.js by the `serviceWorker` plugin in vite.config.ts, production only.
//
// - The built assets (scripts, styles, fonts) are precached (Workbox), so a page can start offline.
// - Cycle pages (`/cycles/<id>` and their `.data` requests) are network first; each response is kept
//   in a cache of the signed-in user (`pdsa-pages-<userId>`), and served from it only when the network
//   fails, only to that user. The worksheet text itself comes from the editor's IndexedDB copy.
// - The page tells the worker who is signed in (`{ type: 'user', userId }`): another user, or nobody,
//   drops the other users' page caches. Signing out deletes every cache (see offline-data.ts).
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching'
import { registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'
import {
  isOfflinePagePath,
  OFFLINE_FALLBACK_HTML,
  PAGES_CACHE_PREFIX,
  pagesCacheName,
  SESSION_CACHE,
  type ServiceWorkerMessage,
} from './shared'

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface ExtendableMessageEventLike extends ExtendableEventLike {
  data: unknown
}
interface WorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>
  addEventListener(type: 'message', listener: (event: ExtendableMessageEventLike) => void): void
  skipWaiting(): Promise<void>
}
declare const self: WorkerScope

const SESSION_KEY = '/__pdsa/session-user'
const ASSETS_CACHE = 'pdsa-assets'

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
void self.skipWaiting()
clientsClaim()

async function currentUser(): Promise<string | null> {
  if (!(await caches.has(SESSION_CACHE))) return null
  const stored = await (await caches.open(SESSION_CACHE)).match(SESSION_KEY)
  const userId = stored ? await stored.text() : ''
  return userId || null
}

async function setCurrentUser(userId: string | null): Promise<void> {
  const keep = userId ? pagesCacheName(userId) : null
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES_CACHE_PREFIX) && name !== keep) await caches.delete(name)
  }
  if (!userId) {
    await caches.delete(SESSION_CACHE)
    return
  }
  await (await caches.open(SESSION_CACHE)).put(SESSION_KEY, new Response(userId))
}

async function keepPage(url: string): Promise<void> {
  const userId = await currentUser()
  const target = new URL(url, location.href)
  if (!userId || target.origin !== location.origin || !isOfflinePagePath(target.pathname)) return
  const response = await fetch(target.href, { credentials: 'same-origin' })
  if (response.status !== 200 || response.redirected) return
  // Still the same person once the page arrived (a sign-out meanwhile deleted the caches).
  if ((await currentUser()) !== userId) return
  await (await caches.open(pagesCacheName(userId))).put(target.href, response)
}

async function keepAssets(urls: string[]): Promise<void> {
  const cache = await caches.open(ASSETS_CACHE)
  for (const url of urls) {
    const target = new URL(url, location.href)
    if (target.origin !== location.origin || !target.pathname.startsWith('/assets/')) continue
    if (await caches.match(target.href)) continue
    await cache.add(target.href)
  }
}

// Messages are handled one after the other: a page sends who is signed in, then what to keep.
let queue: Promise<unknown> = Promise.resolve()
function handle(message: ServiceWorkerMessage): Promise<unknown> {
  if (message.type === 'user') return setCurrentUser(message.userId)
  if (message.type === 'keep-page') return keepPage(message.url)
  return keepAssets(message.urls)
}

self.addEventListener('message', (event) => {
  const message = event.data as ServiceWorkerMessage | null
  if (!message || typeof message !== 'object') return
  queue = queue.then(() => handle(message)).catch(() => undefined)
  event.waitUntil(queue)
})

/** Only complete pages of the user: never a redirect (to sign-in) or an error page. */
const keepOnlyPages = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 && !response.redirected ? response : null,
}

// Built files missing from the precache list (none expected): kept once loaded.
registerRoute(
  ({ url }) => url.origin === location.origin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: ASSETS_CACHE }),
)

const strategies = new Map<string, NetworkFirst>()

registerRoute(
  ({ url, request }) =>
    url.origin === location.origin && request.method === 'GET' && isOfflinePagePath(url.pathname),
  async (options) => {
    const userId = await currentUser()
    if (!userId) return fetch(options.request)
    let strategy = strategies.get(userId)
    if (!strategy) {
      strategy = new NetworkFirst({
        cacheName: pagesCacheName(userId),
        networkTimeoutSeconds: 4,
        plugins: [keepOnlyPages],
      })
      strategies.set(userId, strategy)
    }
    try {
      return await strategy.handle(options)
    } catch {
      if (options.request.mode !== 'navigate') return Response.error()
      return new Response(OFFLINE_FALLBACK_HTML, {
        status: 503,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      })
    }
  },
)
