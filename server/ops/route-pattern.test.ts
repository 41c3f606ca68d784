import type { RouteConfigEntry } from '@react-router/dev/routes'
import { describe, expect, it } from 'vitest'
import appRoutes from '../../app/routes.ts'
import { type BuildRoutes, pagePatternMatcher, serverRoutePattern } from './route-pattern.ts'

/** The app's real route config flattened the way a build lists it (id → path, parent). */
function buildRoutesOf(entries: RouteConfigEntry[]): BuildRoutes {
  const routes: BuildRoutes = { root: { id: 'root', path: '' } }
  const walk = (list: RouteConfigEntry[], parentId: string) => {
    for (const entry of list) {
      const id = entry.id ?? entry.file.replace(/\.tsx?$/, '')
      routes[id] = { id, parentId, path: entry.path, index: entry.index }
      if (entry.children) walk(entry.children, id)
    }
  }
  walk(entries, 'root')
  return routes
}

describe('route patterns for metric labels', () => {
  const pattern = pagePatternMatcher(buildRoutesOf(appRoutes))

  it('labels pages by their pattern, never by the ids in the URL', () => {
    expect(pattern('/teams/8d0f6a52-43f1-4d4e-9a55-1f0f0b0d1a11')).toBe('/teams/:teamId')
    expect(pattern('/login')).toBe('/login')
    expect(pattern('/')).toBe('/')
    const cycle = pattern('/cycles/8d0f6a52-43f1-4d4e-9a55-1f0f0b0d1a11')
    expect(cycle).toMatch(/^\/cycles\/:/)
    expect(cycle).not.toContain('8d0f6a52')
  })

  it('labels the server’s own paths, and leaves the rest to the pages', () => {
    expect(serverRoutePattern('/api/trpc/cycle.byId,cycle.list')).toBe('/api/trpc')
    expect(serverRoutePattern('/assets/entry-abc123.js')).toBe('/assets/*')
    expect(serverRoutePattern('/metrics')).toBe('/metrics')
    expect(serverRoutePattern('/cycles/x')).toBeNull()
  })
})
