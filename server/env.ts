// The only module that reads process.env. Everything else receives configuration as arguments.
import { resolve } from 'node:path'
import { z } from 'zod'

/** Express's `trust proxy` setting: whom to believe about the client's protocol, host and address. */
export type TrustProxy = boolean | number | string[]

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
  /**
   * Which proxies may set X-Forwarded-Proto/Host/For: unset or `false` (none: the default), `true` (any:
   * only when nothing but the proxy can reach the app), a hop count (`1`), or addresses and subnets
   * (`loopback`, `10.0.0.0/8`, `172.16.0.0/12`, comma-separated). See docs/decisions/019.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx): TrustProxy => {
      const v = value.trim()
      if (v === 'false') return false
      if (v === 'true') return true
      if (/^\d{1,2}$/.test(v)) return Number(v)
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      const named = new Set(['loopback', 'linklocal', 'uniquelocal'])
      const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/
      const bad = list.filter((s) => !named.has(s) && !address.test(s))
      if (list.length === 0 || bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `expected false, true, a hop count, or addresses/subnets (not ${bad.join(', ') || 'empty'})`,
        })
        return z.NEVER
      }
      return list
    }),
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
  /** Server processes in production (server/cluster.ts). Default: one per core with PostgreSQL and Redis, else 1. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  /** Skip seeding the demo district into an empty embedded database. */
  NO_DEMO_SEED: z.stringbool().default(false),
  /** Seals identity providers' client secrets (≥ 32 characters). Unset: derived from SESSION_SECRET. */
  SSO_SECRET_KEY: z.string().min(32).optional(),
  /** Demo only (embedded database): a local test OpenID Connect provider for the demo district. */
  DEMO_IDENTITY_PROVIDER: z.stringbool().default(false),
  /** SMTP server for email (nodemailer URL, e.g. smtps://user:pass@smtp.example.org:465). Unset: Outbox only. */
  SMTP_URL: z.string().url().optional(),
  /** The From of every email, e.g. "PDSA Tracker <no-reply@district.example>". Default: no-reply at PUBLIC_URL's host. */
  MAIL_FROM: z.string().min(3).max(200).optional(),
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
  if (value.DEMO_IDENTITY_PROVIDER && value.DATABASE_URL) {
    throw new Error('DEMO_IDENTITY_PROVIDER is for the embedded demo database only, never with DATABASE_URL.')
  }
  return { ...value, SESSION_SECRET: value.SESSION_SECRET ?? 'development-only-secret-change-me-0000000000' }
}

export const env: Env = parseEnv(process.env)

export function databaseTarget(e: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>) {
  return e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: resolve(e.DATA_DIR, 'pglite') } as const)
}
