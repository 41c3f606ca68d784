import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type OpenDatabase, openDatabase } from '../../server/db/client.ts'

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export interface TestDatabase extends OpenDatabase {
  /** The connection string, when running on PostgreSQL. */
  url: string | null
}

/**
 * A fresh, migrated database for one test file (call it once in `beforeAll`, close it in `afterAll`).
 * PGlite instance creation is effectively serial, so clone once per file, not per test.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const config = inject('testDatabase')
  if (config.kind === 'pglite') {
    const database = await openDatabase(
      { kind: 'pglite', dataDir: null },
      { loadDataDir: new Blob([readFileSync(config.imagePath)]) },
    )
    return { ...database, url: null }
  }
  const name = `${config.template}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: config.adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${config.template}"`)
  await admin.end()
  const url = withDatabase(config.adminUrl, name)
  const database = await openDatabase({ kind: 'postgres', url })
  return {
    ...database,
    url,
    async close() {
      await database.close()
      const dropper = new pg.Client({ connectionString: config.adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await dropper.end()
    },
  }
}
