import type { Config } from '@react-router/dev/config'

export default {
  appDirectory: 'app',
  ssr: true,
  // BUILD_DIR lets several builds coexist (server/env.ts reads the same variable at start).
  buildDirectory: process.env.BUILD_DIR || 'build',
  future: {
    // Loaders read the server's per-request values through `context.get(serverContext)`.
    v8_middleware: true,
  },
} satisfies Config
