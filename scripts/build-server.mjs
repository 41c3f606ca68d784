#!/usr/bin/env node
// Compiles the Node server (server/index.ts and everything of ours it imports: server/, packages/,
// prisma/seed/) into one ES module, BUILD_DIR/server-node/index.js, so that `pnpm start` runs plain
// JavaScript instead of transforming TypeScript through tsx at every start (ADR 033). npm packages stay
// outside the bundle and load from node_modules as before.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const outdir = resolve(root, process.env.BUILD_DIR || 'build', 'server-node')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// Our workspace packages export TypeScript sources: they are compiled in; every other package is not.
const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !name.startsWith('@pdsa/'),
)

/**
 * `import.meta.dirname` of a source file (server/db/schema-engine.ts finds prisma/migrations with it)
 * would become the bundle's folder: keep it pointing at the source file's own folder.
 */
const keepSourceDirname = {
  name: 'keep-source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.dirname')) return undefined
      const fromBundle = relative(outdir, dirname(args.path)).split('\\').join('/')
      return {
        contents: source.replaceAll(
          'import.meta.dirname',
          `(import.meta.dirname + ${JSON.stringify(`/${fromBundle}`)})`,
        ),
        loader: 'ts',
      }
    })
  },
}

const result = await build({
  // cluster.ts (what `pnpm start` runs) forks workers that import index.ts (ADR 027).
  entryPoints: [join(root, 'server/index.ts'), join(root, 'server/cluster.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: packages.flatMap((name) => [name, `${name}/*`]),
  plugins: [keepSourceDirname],
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
})
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
console.log(
  `Server compiled into ${relative(root, outdir)}/cluster.js and index.js (${Math.round(bytes / 1024)} KiB with chunks)`,
)
