// Generates the Prisma client without the native schema engine.
// `prisma generate` only checks that a schema-engine binary exists at start-up and never runs it;
// the engine cannot be downloaded in our build environment (see docs/decisions/003-prisma-7-pglite-tests.md).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const env = { ...process.env }
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), 'pdsa-prisma')
  mkdirSync(dir, { recursive: true })
  const placeholder = join(dir, 'schema-engine-placeholder')
  if (!existsSync(placeholder)) writeFileSync(placeholder, '')
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1'
const result = spawnSync('prisma', ['generate'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
})
process.exit(result.status ?? 1)
