// The only module that reads process.env. Everything else receives configuration as arguments.
import { resolve } from 'node:path'
import { z } from 'zod'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string. Unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  /** Where `pnpm build` wrote the app (react-router.config.ts reads the same variable). */
  BUILD_DIR: z.string().default('build'),
  /** Signs CSRF tokens. Required in production; a fixed development value otherwise. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** The URL people use to reach the app (https://… turns on Secure cookies). Default: http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Comma-separated origins allowed to make state-changing requests and open collaboration sockets. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Redis for multi-instance collaboration fan-out and shared rate limits. */
  REDIS_URL: z.string().optional(),
  /** Starts every Redis key and channel (collaboration fan-out, access changes, sign-in throttling). */
  REDIS_PREFIX: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9:_.-]*$/, 'letters, digits and : _ . - only')
    .default('pdsa:'),
  /** Enables GET /metrics (Prometheus); requests must send `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Names this instance in the collaboration log rows and Redis messages (default: random). */
  COLLAB_INSTANCE_ID: z.string().min(1).max(64).optional(),
  /** Skip seeding the demo district into an empty embedded database. */
  NO_DEMO_SEED: z.stringbool().default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
})

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string }

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (FOO=) means "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = EnvSchema.safeParse(cleaned)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment:\n${problems}`)
  }
  const value = parsed.data
  if (!value.SESSION_SECRET && value.NODE_ENV === 'production' && value.DATABASE_URL) {
    throw new Error('SESSION_SECRET (at least 32 characters) is required in production on PostgreSQL.')
  }
  return { ...value, SESSION_SECRET: value.SESSION_SECRET ?? 'development-only-secret-change-me-0000000000' }
}

export const env: Env = parseEnv(process.env)

export function databaseTarget(e: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>) {
  return e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: resolve(e.DATA_DIR, 'pglite') } as const)
}
