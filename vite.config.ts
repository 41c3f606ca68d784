import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { reactRouter } from '@react-router/dev/vite'
import { build, defineConfig, type Plugin } from 'vite'

/**
 * The offline app shell (docs/decisions/023-offline-app-shell-and-presence.md): after the client
 * build, app/service-worker/sw.ts is bundled into build/client/sw.js with the list of built files it
 * precaches (`self.__WB_MANIFEST`, as Workbox expects; the file names carry content hashes).
 */
function serviceWorker(): Plugin {
  return {
    name: 'pdsa-service-worker',
    apply: 'build',
    async closeBundle() {
      if (this.environment?.name !== 'client') return
      const outDir = this.environment.config.build.outDir
      const files = readdirSync(join(outDir, 'assets'))
        .filter((f) => !f.endsWith('.map'))
        .map((f) => ({ url: `/assets/${f}`, revision: null }))
      await build({
        configFile: false,
        logLevel: 'warn',
        resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
        define: {
          'self.__WB_MANIFEST': JSON.stringify(files),
          'process.env.NODE_ENV': JSON.stringify('production'),
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          lib: {
            entry: new URL('./app/service-worker/sw.ts', import.meta.url).pathname,
            formats: ['iife'],
            name: 'pdsaServiceWorker',
            fileName: () => 'sw.js',
          },
        },
      })
    },
  }
}

export default defineConfig({
  plugins: [reactRouter(), serviceWorker()],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  server: { hmr: { port: 24678 } },
  build: {
    chunkSizeWarningLimit: 1500,
    // Side-effect-free chunks under 20 KB merge into the chunks loaded with them: the cycle page listed 99
    // modulepreload links (many chunks of a few hundred bytes), now 67; each route's initial JS is unchanged
    // within 1 % (docs/decisions/027-server-throughput-and-page-weight.md, fourth round).
    rollupOptions: { output: { experimentalMinChunkSize: 20_000 } },
  },
})
