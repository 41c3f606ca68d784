// `pnpm db:seed`: applies migrations to the configured database (PGlite under DATA_DIR, or
// PostgreSQL with DATABASE_URL) and seeds the Riverbend demo district into it.
import { openDatabase } from '../server/db/client.ts'
import { migrateDatabase } from '../server/db/migrate.ts'
import { databaseTarget, env } from '../server/env.ts'
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemoDistrict } from './seed/demo-district.ts'

async function main(): Promise<void> {
  const started = performance.now()
  const target = databaseTarget(env)
  console.info(
    target.kind === 'postgres'
      ? 'Database: PostgreSQL (DATABASE_URL)'
      : `Database: embedded PGlite in ${target.dataDir}`,
  )
  const database = await openDatabase(target)
  try {
    const applied = await migrateDatabase(database)
    if (applied.length > 0) console.info(`Applied migrations: ${applied.join(', ')}`)
    const { counts } = await seedDemoDistrict(database.db, {
      onProgress: (line) => console.info(`  ${line}`),
    })
    console.info(
      `Rows: ${Object.entries(counts)
        .map(([table, n]) => `${table} ${n.toLocaleString('en-US')}`)
        .join(', ')}`,
    )
    console.info(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD})`)
    for (const s of DEMO_SIGN_INS) console.info(`  ${s.role.padEnd(16)} ${s.email.padEnd(38)} ${s.note}`)
    console.info(`\nSeeded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await database.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
