// The fuzz engine (docs/decisions/021-input-hygiene.md): calls one procedure with many generated inputs as
// several actors, through the real router and services on a seeded database, and records every answer
// that breaks a rule — an unexpected failure (INTERNAL_SERVER_ERROR or a non-tRPC error), internal text
// (Prisma, SQL, stack) in what a client would receive, or a change to the database by a refused call.
import type { Actor } from '@pdsa/domain'
import { TRPCError } from '@trpc/server'
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import'
import fc from 'fast-check'
import superjson from 'superjson'
import { ZodError, type z } from 'zod'
import type { Db } from '../../server/db/client.ts'
import { appRouter } from '../../server/trpc/root.ts'
import { callerFor } from '../utils/caller.ts'
import { hostileValue } from './hostile.ts'
import { type ArbitraryContext, arbitraryForZod } from './zod-arbitrary.ts'

type ProcedureDef = { _def: { inputs: z.ZodType[]; type: 'query' | 'mutation' | 'subscription' } }
export const PROCEDURES = appRouter._def.procedures as unknown as Record<string, ProcedureDef>

/** Text that only the server's internals write: none of it may reach a client. */
export const INTERNAL_TEXT =
  /prisma|invocation|queryRaw|\bP\d{4}\b|SQLSTATE|Code: `|violates|syntax error|relation "|invalid byte sequence|unsupported Unicode|\n\s+at |node_modules|\.ts:\d+|TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|undefined is not/i

/**
 * A cheap fingerprint of the whole database: per table, its row count and the sum of its rows' xmin (the
 * transaction that wrote each row version), so any insert, update or delete changes it.
 */
export async function createFingerprint(db: Db): Promise<() => Promise<string>> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  )
  const sql = `SELECT concat_ws(' ', ${tables
    .map(
      ({ table_name: t }) =>
        `'${t}=' || (SELECT count(*)::text || '/' || coalesce(sum(xmin::text::bigint), 0)::text FROM "${t}")`,
    )
    .join(', ')}) AS fingerprint`
  return async () => (await db.$queryRawUnsafe<{ fingerprint: string }[]>(sql))[0]!.fingerprint
}

export interface FuzzFailure {
  path: string
  actor: string
  input: unknown
  problem: string
}

export interface FuzzStats {
  /** Time spent in fingerprints, ms. */
  fingerprintMs: number
  calls: number
  ok: number
  refused: Record<string, number>
}

/** Leaf paths of a plain value (object keys and array indexes down to primitives). */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))
  return [prefix]
}

/** A copy of `value` with `replacement` at `path` (undefined: the key is removed). */
export function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >
  const next = replaceAt(copy[head], rest, replacement)
  if (next === undefined && !Array.isArray(copy)) delete copy[head]
  else copy[head] = next
  return copy
}

export function stringLeafPaths(value: unknown) {
  return leafPaths(value).filter(
    (p) => typeof p.reduce<unknown>((v, k) => (v as never)?.[k], value) === 'string',
  )
}
export function numberLeafPaths(value: unknown) {
  return leafPaths(value).filter(
    (p) => typeof p.reduce<unknown>((v, k) => (v as never)?.[k], value) === 'number',
  )
}

/** Inputs for one procedure: derived from its schema, and hostile edits of a valid input. */
export function inputArbitrary(
  path: string,
  validInput: unknown,
  ctx: ArbitraryContext,
): fc.Arbitrary<unknown> {
  const schema = PROCEDURES[path]?._def.inputs[0]
  const fromSchema = schema ? arbitraryForZod(schema, ctx) : fc.oneof(fc.constant(undefined), hostileValue)
  const paths = leafPaths(validInput)
  const edits =
    validInput === undefined || paths.length === 0
      ? fromSchema
      : fc
          .tuple(
            fc.subarray(paths, { minLength: 1, maxLength: Math.min(3, paths.length) }),
            fc.array(fc.oneof({ weight: 5, arbitrary: hostileValue }, fc.constant(undefined)), {
              minLength: 3,
              maxLength: 3,
            }),
          )
          .map(([chosen, values]) =>
            chosen.reduce<unknown>((v, p, i) => replaceAt(v, p, values[i]), validInput),
          )
  return fc.oneof(
    { weight: 2, arbitrary: fromSchema },
    { weight: 3, arbitrary: edits },
    { weight: 1, arbitrary: fc.constant(validInput) },
  )
}

/** What a client would receive for this error over HTTP (the router's error formatter applied). */
export function clientShape(error: TRPCError, path: string, input: unknown) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: PROCEDURES[path]?._def.type ?? 'unknown',
    path,
    input,
    ctx: undefined,
  })
}

export interface FuzzRun {
  db: Db
  fingerprint: () => Promise<string>
  path: string
  actors: { key: string; actor: Actor }[]
  arbitrary: fc.Arbitrary<unknown>
  runs: number
  seed: number
  failures: FuzzFailure[]
  stats: FuzzStats
}

/**
 * Calls `path` with `runs` inputs spread over `actors`; records every broken rule in `failures`.
 * Database checks, kept cheap enough for CI: a query may never write, so its whole run is compared once;
 * a mutation's refusal is compared with the fingerprint taken after the previous call, except a refusal by
 * the input schema (no resolver ran), whose write would still show at the next refusal's comparison.
 */
export async function fuzzProcedure(run: FuzzRun): Promise<void> {
  const { db, path, actors, failures, stats } = run
  const [area, name] = path.split('.') as [string, string]
  const isQuery = PROCEDURES[path]?._def.type === 'query'
  const perActor = Math.ceil(run.runs / actors.length)
  const fingerprint = async () => {
    const started = performance.now()
    const value = await run.fingerprint()
    stats.fingerprintMs += performance.now() - started
    return value
  }
  const atStart = await fingerprint()
  let before = atStart
  for (const [index, { key, actor }] of actors.entries()) {
    const inputs = fc.sample(run.arbitrary, { numRuns: perActor, seed: run.seed + index })
    const caller = callerFor(db, actor, { csrfVerified: true }) as unknown as Record<
      string,
      Record<string, (i: unknown) => Promise<unknown>>
    >
    for (const input of inputs) {
      stats.calls++
      const fail = (problem: string) => failures.push({ path, actor: key, input, problem })
      try {
        const output = await caller[area]![name]!(input)
        stats.ok++
        superjson.stringify(output)
        if (!isQuery) before = await fingerprint()
      } catch (error) {
        if (!(error instanceof TRPCError)) {
          fail(`threw a non-tRPC error: ${String(error)}`)
          if (!isQuery) before = await fingerprint()
          continue
        }
        stats.refused[error.code] = (stats.refused[error.code] ?? 0) + 1
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          const cause = error.cause instanceof Error ? error.cause : error
          fail(`INTERNAL_SERVER_ERROR: ${cause.message.slice(0, 400)}`)
        }
        const shape = JSON.stringify(clientShape(error, path, input))
        if (INTERNAL_TEXT.test(shape)) fail(`internal text reaches the client: ${shape.slice(0, 400)}`)
        if (isQuery || error.cause instanceof ZodError) continue
        const after = await fingerprint()
        if (after !== before) {
          fail(`refused (${error.code}: ${error.message.slice(0, 200)}) but the database changed`)
          before = after
        }
      }
    }
  }
  if (isQuery && (await fingerprint()) !== atStart) {
    failures.push({ path, actor: 'any', input: null, problem: 'a query changed the database' })
  }
}

/** A failure, readable in a test report (inputs cut short; control characters escaped by JSON). */
export function describeFailure(f: FuzzFailure): string {
  let input: string
  try {
    input = JSON.stringify(f.input) ?? 'undefined'
  } catch {
    input = String(f.input)
  }
  return `${f.path} as ${f.actor}: ${f.problem}\n  input: ${input.length > 600 ? `${input.slice(0, 600)}…` : input}`
}
