// What the service worker (sw.ts) and the pages (offline-data.ts) agree on.

/** Caches of cycle pages, one per user: `pdsa-pages-<userId>`. */
export const PAGES_CACHE_PREFIX = 'pdsa-pages-'
export const pagesCacheName = (userId: string) => `${PAGES_CACHE_PREFIX}${userId}`
/** Who the worker serves offline pages to. */
export const SESSION_CACHE = 'pdsa-session'
/** IndexedDB copies of cycle documents: `pdsa-cycle-<userId>-<cycleId>`. */
export const LOCAL_DOCUMENT_PREFIX = 'pdsa-cycle-'
export const localDocumentName = (userId: string, cycleId: string) =>
  `${LOCAL_DOCUMENT_PREFIX}${userId}-${cycleId}`

export type ServiceWorkerMessage =
  | { type: 'user'; userId: string | null }
  /** Keep this page for offline use (a page that did not load through the worker). */
  | { type: 'keep-page'; url: string }
  /** Built files this page loaded (some are written after the precache list, e.g. the route manifest). */
  | { type: 'keep-assets'; urls: string[] }

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const OFFLINE_PAGE = new RegExp(`^/cycles/${UUID}(\\.data)?$`)

/** Pages that can be reopened offline after a visit: a cycle's worksheet (and its data requests). */
export function isOfflinePagePath(pathname: string): boolean {
  return OFFLINE_PAGE.test(pathname)
}

export const OFFLINE_FALLBACK_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline — PDSA Tracker</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#212529;line-height:1.5}a{color:#1864ab}</style>
</head><body><main><h1>You are offline</h1>
<p>This page was not opened on this device while you were online, so it cannot be shown now.</p>
<p>Cycle worksheets you opened before can be read and edited offline: your changes are kept on this device and sent when the connection is back.</p>
<p><a href="javascript:history.back()">Go back</a></p></main></body></html>`
