// `pnpm js-budget`: the JavaScript each page needs before it can hydrate (gzip), from the production build's
// route manifest, against the recorded budget in js-budget.json. Fails when a route's initial JS is more
// than 10 % over its budget, or when a route has no budget. `--update` rewrites the budget file from the build.
//
// A route's initial JS = the client entry and its imports + every route module (and its imports) from the root
// down to the route — what React Router's <Scripts> modulepreloads and runs for a first visit. CSS is not counted.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export const TOLERANCE = 0.1

interface ManifestEntry {
  module: string
  imports?: string[]
}
interface Manifest {
  entry: ManifestEntry
  routes: Record<string, ManifestEntry & { id: string; parentId?: string; hasDefaultExport?: boolean }>
}

export function readManifest(clientDir: string): Manifest {
  const assets = join(clientDir, 'assets')
  const file = readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f))
  if (!file) throw new Error(`No route manifest in ${assets}: run \`pnpm build\` first.`)
  const text = readFileSync(join(assets, file), 'utf8')
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)
  return JSON.parse(json) as Manifest
}

/** The asset files a first visit to each page route loads, by route id. */
export function initialModules(manifest: Manifest): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>()
  for (const route of Object.values(manifest.routes)) {
    // Layouts and resource routes (CSV) are not pages of their own.
    if (!route.hasDefaultExport) continue
    if (Object.values(manifest.routes).some((r) => r.parentId === route.id)) continue
    const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])])
    for (
      let r: (typeof manifest.routes)[string] | undefined = route;
      r;
      r = r.parentId ? manifest.routes[r.parentId] : undefined
    ) {
      files.add(r.module)
      for (const i of r.imports ?? []) files.add(i)
    }
    result.set(route.id, files)
  }
  return result
}

export function measureRoutes(clientDir: string): Record<string, number> {
  const manifest = readManifest(clientDir)
  const sizes = new Map<string, number>()
  const gz = (asset: string) => {
    let n = sizes.get(asset)
    if (n === undefined) {
      n = gzipSync(readFileSync(join(clientDir, asset)), { level: 9 }).length
      sizes.set(asset, n)
    }
    return n
  }
  const out: Record<string, number> = {}
  for (const [id, files] of [...initialModules(manifest)].sort(([a], [b]) => a.localeCompare(b)))
    out[id] = [...files].reduce((sum, f) => sum + gz(f), 0)
  return out
}

export function compareWithBudget(
  measured: Record<string, number>,
  budget: Record<string, number>,
): { route: string; bytes: number; budget: number | undefined; over: boolean }[] {
  return Object.entries(measured).map(([route, bytes]) => {
    const b = budget[route]
    return { route, bytes, budget: b, over: b === undefined || bytes > b * (1 + TOLERANCE) }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clientDir = resolve(process.env.BUILD_DIR || 'build', 'client')
  const budgetFile = resolve('js-budget.json')
  const measured = measureRoutes(clientDir)
  if (process.argv.includes('--update')) {
    writeFileSync(
      budgetFile,
      `${JSON.stringify({ $comment: 'Initial JS per route, gzip bytes (scripts/js-budget.ts; `pnpm js-budget --update`).', routes: measured }, null, 2)}\n`,
    )
    console.log(`Wrote ${Object.keys(measured).length} route budgets to ${budgetFile}`)
    process.exit(0)
  }
  const budget = (JSON.parse(readFileSync(budgetFile, 'utf8')) as { routes: Record<string, number> }).routes
  const rows = compareWithBudget(measured, budget)
  let failed = 0
  for (const r of rows) {
    const change = r.budget
      ? `${(((r.bytes - r.budget) / r.budget) * 100).toFixed(1).padStart(6)} %`
      : '   no budget'
    console.log(
      `${r.over ? '✗' : '✓'} ${r.route.padEnd(36)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB gzip  budget ${
        r.budget ? `${(r.budget / 1024).toFixed(1)} KB` : '—'
      } ${change}`,
    )
    if (r.over) failed++
  }
  if (failed) {
    console.error(
      `\n${failed} route(s) over their JavaScript budget by more than ${TOLERANCE * 100} % (or without one). Make the page lighter, or — when the growth is intended — run \`pnpm js-budget --update\` and commit js-budget.json.`,
    )
    process.exit(1)
  }
  console.log(`\nEvery route within ${TOLERANCE * 100} % of its JavaScript budget.`)
}
