// `pnpm db:migrate`: applies pending migrations to the configured database (PGlite under DATA_DIR,
// or PostgreSQL when DATABASE_URL is set). The server also does this at every start.
import { openDatabase } from '../server/db/client.ts'
import { migrateDatabase } from '../server/db/migrate.ts'
import { databaseTarget, env } from '../server/env.ts'

const database = await openDatabase(databaseTarget(env))
try {
  const applied = await migrateDatabase(database)
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
} finally {
  await database.close()
}
