// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
// Used to create migrations (diff) and to apply them (same `_prisma_migrations` bookkeeping as
// `prisma migrate deploy`), without the native engine binary we cannot download here.
// See docs/decisions/003-prisma-7-pglite-tests.md.
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'
import { splitSqlScript } from './sql-script.ts'

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm')

let enginePromise: Promise<SchemaEngineModule> | undefined

/**
 * Loads the wasm module by hand instead of `import '@prisma/schema-engine-wasm'`, whose
 * `import * as wasm from './x.wasm'` needs `--experimental-wasm-modules` on Node 20.
 */
function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url)
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const glue = (await import(
      '@prisma/schema-engine-wasm/schema_engine_bg'
    )) as unknown as SchemaEngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void
    }
    const bytes = await readFile(gluePath.replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    })
    glue.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start(): void }).__wbindgen_start()
    return glue
  })()
  return enginePromise
}

export const MIGRATIONS_DIR = join(import.meta.dirname, '../../prisma/migrations')
export const SCHEMA_PATH = join(import.meta.dirname, '../../prisma/schema.prisma')
const NO_FILTERS = { externalTables: [], externalEnums: [] }

export async function readMigrationList(baseDir = MIGRATIONS_DIR): Promise<MigrationList> {
  let entries: string[] = []
  try {
    entries = (await readdir(baseDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
  } catch {
    entries = []
  }
  let lockContent: string | null = null
  try {
    lockContent = await readFile(join(baseDir, 'migration_lock.toml'), 'utf8')
  } catch {
    lockContent = null
  }
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: {
            tag: 'ok' as const,
            value: await readFile(join(baseDir, name, 'migration.sql'), 'utf8'),
          },
        },
      })),
    ),
  }
}

/**
 * Runs a migration script statement by statement, split where PostgreSQL would split it: the pg
 * adapter's own executeScript splits on every ";" and so breaks function bodies ($$ … $$).
 */
function withStatementAwareScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeScript = async (script: string) => {
    for (const sql of splitSqlScript(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] })
  }
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'executeScript') return executeScript
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/**
 * The engine opens its own connections through the factory (a new pool per connect() on PostgreSQL);
 * track them so they are closed when the engine is done, instead of idling on the database.
 */
async function openEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<{ engine: SchemaEngine; dispose(): Promise<void> }> {
  const mod = await loadSchemaEngineModule()
  const schema = await readFile(SCHEMA_PATH, 'utf8')
  const opened: { dispose(): Promise<void> }[] = []
  const track = (adapter: SqlDriverAdapter) => {
    opened.push(adapter)
    return withStatementAwareScripts(adapter)
  }
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  }
  const engine = await mod.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  )
  return {
    engine,
    async dispose() {
      engine.free()
      await Promise.all(opened.map((a) => a.dispose()))
    },
  }
}

/** Applies pending migrations; returns the names of those applied now. */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  const { engine, dispose } = await openEngine(adapterFactory)
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationList(),
      filters: NO_FILTERS,
    })
    return appliedMigrationNames
  } finally {
    await dispose()
  }
}

/** SQL that takes a database built from the migrations folder to the current schema.prisma ('' when none). */
export async function diffMigrationsToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const { engine, dispose } = await openEngine(adapterFactory)
  try {
    const schema = await readFile(SCHEMA_PATH, 'utf8')
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrationList()) },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    })
    const sql = (result.stdout ?? '').trim()
    return sql === '-- This is an empty migration.' ? '' : sql
  } finally {
    await dispose()
  }
}
