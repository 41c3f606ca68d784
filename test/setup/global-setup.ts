// Integration tests get a migrated database per test file, cloned from a golden image made once here:
//   PGlite (default): a migrated in-memory instance dumped to a tarball; each file loads it.
//   PostgreSQL (TEST_DATABASE_URL=postgres://…/postgres): a migrated template database; each file
//   creates its own database from it with CREATE DATABASE … TEMPLATE and drops it afterwards.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../server/db/client.ts'
import { migrateDatabase } from '../../server/db/migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'pglite'; imagePath: string }
      | { kind: 'postgres'; adminUrl: string; template: string }
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    const template = `pdsa_tpl_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${template}"`)
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, template) })
    await migrateDatabase(database)
    await database.close()
    project.provide('testDatabase', { kind: 'postgres', adminUrl, template })
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [template, `${template}_%`],
      )
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      await admin.end()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'pdsa-test-'))
  const database = await openDatabase({ kind: 'pglite', dataDir: null })
  await migrateDatabase(database)
  const image = await database.pglite!.dumpDataDir('none')
  const imagePath = join(dir, 'golden.tar')
  writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()))
  await database.close()
  project.provide('testDatabase', { kind: 'pglite', imagePath })
  return () => rmSync(dir, { recursive: true, force: true })
}
