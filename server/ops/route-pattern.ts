// The route pattern of a request, for metric labels: a page's React Router pattern
// ("/cycles/:cycleId"), never the raw URL (ids would make one time series per cycle).
import { matchRoutes, type RouteObject } from 'react-router'

/** The shape of `ServerBuild['routes']`: a flat map of route id → path and parent. */
export type BuildRoutes = Record<
  string,
  | { id: string; parentId?: string | undefined; path?: string | undefined; index?: boolean | undefined }
  | undefined
>

function treeOf(routes: BuildRoutes, parentId: string | undefined): RouteObject[] {
  return Object.values(routes)
    .filter((r): r is NonNullable<typeof r> => !!r && r.parentId === parentId)
    .map((r) =>
      r.index
        ? { id: r.id, index: true as const, ...(r.path ? { path: r.path } : {}) }
        : { id: r.id, ...(r.path ? { path: r.path } : {}), children: treeOf(routes, r.id) },
    )
}

/** Matches pathnames against a build's routes (the tree is built once per build). */
export function pagePatternMatcher(routes: BuildRoutes): (pathname: string) => string | null {
  const tree = treeOf(routes, undefined)
  return (pathname) => {
    const matches = matchRoutes(tree, pathname)
    if (!matches) return null
    const parts = matches.map((m) => m.route.path ?? '').filter((p) => p && p !== '/')
    return `/${parts.join('/')}`.replace(/\/+/g, '/')
  }
}

/** The label of a request that is not a page: fixed paths and prefixes of the server itself. */
export function serverRoutePattern(pathname: string): string | null {
  if (pathname === '/api/trpc' || pathname.startsWith('/api/trpc/')) return '/api/trpc'
  if (pathname.startsWith('/assets/')) return '/assets/*'
  if (['/healthz', '/readyz', '/metrics', '/favicon.ico'].includes(pathname)) return pathname
  return null
}
