import type { OpenDatabase } from './client.ts'
import { applyMigrations } from './schema-engine.ts'

/** Brings the database up to the migrations folder. Safe to call on every start. */
export async function migrateDatabase(database: OpenDatabase): Promise<string[]> {
  return applyMigrations(database.adapterFactory)
}
