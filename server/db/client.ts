// Opens the database: embedded PGlite on disk when no DATABASE_URL is set, PostgreSQL when it is.
// Both go through Prisma 7 driver adapters, so the rest of the code sees one PrismaClient type.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from './generated/client.ts'

export type Db = PrismaClient
/** The client or an interactive transaction: what services accept. */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null }

export interface OpenDatabase {
  db: Db
  kind: DatabaseTarget['kind']
  adapterFactory: SqlMigrationAwareDriverAdapterFactory
  /** The embedded instance, when kind is pglite (tests use it to dump a golden image). */
  pglite: PGlite | null
  /** PostgreSQL: the connection pool (its sizes are reported at /metrics). */
  pool: pg.Pool | null
  close(): Promise<void>
}

export async function openDatabase(
  target: DatabaseTarget,
  options: { loadDataDir?: Blob } = {},
): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    // Our own pool, so the metrics can read its sizes; Prisma ends it on $disconnect. An idle client
    // whose connection the server ended (restart, failover) is dropped by the pool: not a crash.
    const pool = new pg.Pool({ connectionString: target.url, max: 10 })
    pool.on('error', () => undefined)
    const adapterFactory = new PrismaPg(pool, { disposeExternalPool: true })
    const db = new PrismaClient({ adapter: adapterFactory })
    return { db, kind: 'postgres', adapterFactory, pglite: null, pool, close: () => db.$disconnect() }
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true })
  const pglite = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  const adapterFactory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory
  const db = new PrismaClient({ adapter: adapterFactory })
  return {
    db,
    kind: 'pglite',
    adapterFactory,
    pglite,
    pool: null,
    close: async () => {
      await db.$disconnect()
      await pglite.close()
    },
  }
}
