// The HTTP application with its pages, in-process, for HTTP-level tests of pages (sign-in, redirects,
// headers): `createApp` with the React Router build loaded through Vite (no `pnpm build` needed),
// on a random port. One Vite server per test file; each `startPageServer` is its own app.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from 'react-router'
import type { ViteDevServer } from 'vite'
import type { AppOptions } from '../../server/app.ts'

let vite: ViteDevServer | undefined

/**
 * The pages and server/app.ts itself through one Vite module graph: React Router must be the same
 * module instance on both sides (its RouterContextProvider is checked with instanceof).
 */
async function loadServer() {
  if (!vite) {
    const { createServer: createVite } = await import('vite')
    vite = await createVite({
      server: { middlewareMode: true, hmr: false, watch: null },
      appType: 'custom',
      logLevel: 'error',
    })
  }
  const build = (await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild
  const { createApp } = (await vite.ssrLoadModule('/server/app.ts')) as typeof import('../../server/app.ts')
  const { createSignInLimiter } = (await vite.ssrLoadModule(
    '/server/auth/rate-limit.ts',
  )) as typeof import('../../server/auth/rate-limit.ts')
  const { defaultAppServices } = (await vite.ssrLoadModule(
    '/server/trpc/context.ts',
  )) as typeof import('../../server/trpc/context.ts')
  return { build, createApp, createSignInLimiter, defaultAppServices }
}

export interface PageServer {
  url: string
  server: Server
  close(): Promise<void>
}

export async function startPageServer(
  options: Pick<AppOptions, 'db' | 'session'> & Partial<AppOptions>,
): Promise<PageServer> {
  const { build, createApp, createSignInLimiter, defaultAppServices } = await loadServer()
  const app = createApp({
    limiter: createSignInLimiter(),
    services: defaultAppServices,
    allowedOrigins: [],
    // Production's React Router handler and headers (CSP on), pages compiled by Vite.
    mode: 'production',
    contentSecurityPolicy: true,
    build,
    ...options,
  })
  const server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Closes the file's Vite server (call in `afterAll`). */
export async function closePageServers(): Promise<void> {
  await vite?.close()
  vite = undefined
}
