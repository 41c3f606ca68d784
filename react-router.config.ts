import type { Config } from '@react-router/dev/config'

export default {
  appDirectory: 'app',
  ssr: true,
  future: {
    // Loaders read the server's per-request values through `context.get(serverContext)`.
    v8_middleware: true,
  },
} satisfies Config
