// `pnpm bench import`: the CSV import of observations (issue 5). Generates a 100,000-row file for a
// demo-like district (10 schools × 10 student groups × 5 weekly measures × 200 weeks) and imports it
// with the product's own service (decode → parse → check every row → upsert in chunks, one transaction,
// one ImportBatch + audit event) into a fresh PostgreSQL database from TEST_DATABASE_URL. Three fresh
// imports (the observations are removed between runs), median reported against the 10 s target; then a
// re-import of the same file (0 new, 0 changed), the preview, and PGlite (in memory) for reference.
import { randomBytes } from 'node:crypto'
import type { Actor } from '@pdsa/domain'
import pg from 'pg'
import { type OpenDatabase, openDatabase } from '../server/db/client.ts'
import { migrateDatabase } from '../server/db/migrate.ts'
import { loadActor } from '../server/services/actor.ts'
import { commitImport } from '../server/services/imports/commit-import.ts'
import { previewImport } from '../server/services/imports/preview-import.ts'
import { ADMIN_URL } from './utils/seeded-district.ts'

const TARGET_MS = 10_000
const SCHOOLS = 10
const GROUPS = ['ALL', 'AA', 'AS', 'HI', 'WH', 'EL', 'SED', 'SWD', 'FY', 'HOM']
const MEASURES = 5
const WEEKS = 200
const ROWS = SCHOOLS * GROUPS.length * MEASURES * WEEKS
const NOW = new Date('2026-11-24T12:00:00Z')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function setUpDistrict(database: OpenDatabase): Promise<Actor> {
  const db = database.db
  const district = await db.district.create({ data: { name: 'Bench Unified', slug: `bench-${Date.now()}` } })
  await db.school.createMany({
    data: Array.from({ length: SCHOOLS }, (_, i) => ({
      districtId: district.id,
      code: `SCH${String(i + 1).padStart(2, '0')}`,
      name: `School ${i + 1}`,
      level: 'middle' as const,
    })),
  })
  await db.studentGroup.createMany({
    data: GROUPS.map((code, i) => ({
      districtId: district.id,
      code,
      name: code,
      category: i === 0 ? ('all' as const) : i < 5 ? ('race_ethnicity' as const) : ('program' as const),
      sortOrder: i,
    })),
  })
  await db.measure.createMany({
    data: Array.from({ length: MEASURES }, (_, i) => ({
      districtId: district.id,
      code: `M${i + 1}`,
      name: `Measure ${i + 1}`,
      family: 'outcome' as const,
      unit: 'percent' as const,
      higherIsBetter: false,
      cadence: 'weekly' as const,
      chartType: 'p' as const,
      multiplier: 100,
    })),
  })
  const user = await db.user.create({
    data: {
      districtId: district.id,
      email: `bench-${randomBytes(4).toString('hex')}@example.test`,
      name: 'Bench Admin',
      memberships: { create: [{ districtId: district.id, role: 'admin' }] },
    },
  })
  const actor = await loadActor(db, user.id)
  if (!actor) throw new Error('no actor')
  return actor
}

/** 100,000 rows; the first Monday is 200 weeks before 2026-11-23. */
function generateCsv(): Uint8Array {
  const lines = ['measure,school,period,student_group,numerator,denominator']
  const lastMonday = Date.UTC(2026, 10, 23)
  for (let w = 0; w < WEEKS; w++) {
    const period = new Date(lastMonday - (WEEKS - 1 - w) * 7 * 86_400_000).toISOString().slice(0, 10)
    for (let m = 1; m <= MEASURES; m++)
      for (let s = 1; s <= SCHOOLS; s++)
        for (let g = 0; g < GROUPS.length; g++) {
          const denominator = 40 + ((s * 7 + g * 13 + m) % 400)
          const numerator = (w * 3 + s + g + m) % (denominator + 1)
          lines.push(
            `M${m},SCH${String(s).padStart(2, '0')},${period},${GROUPS[g]},${numerator},${denominator}`,
          )
        }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`)
}

async function runImports(label: string, database: OpenDatabase, bytes: Uint8Array, runs: number) {
  const actor = await setUpDistrict(database)
  const db = database.db
  const input = { db, actor, now: NOW, fileName: 'bench-100k.csv', bytes }
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    await db.observation.deleteMany({ where: { districtId: actor.districtId } })
    await db.importBatch.deleteMany({ where: { districtId: actor.districtId } })
    const t0 = performance.now()
    const phases: Record<string, number> = {}
    const result = await commitImport({
      ...input,
      mode: 'all',
      onProgress: (e) => {
        phases[e.phase] ??= performance.now() - t0
      },
    })
    const ms = performance.now() - t0
    if (result.inserted !== ROWS) throw new Error(`${label}: inserted ${result.inserted}, expected ${ROWS}`)
    times.push(ms)
    const at = (p: string) => (phases[p] === undefined ? '—' : seconds(phases[p] as number))
    console.log(
      `  ${label} run ${run + 1}: ${seconds(ms)} (${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s; ` +
        `check started at ${at('check')}, write at ${at('write')} — after its first chunk)`,
    )
  }
  const t1 = performance.now()
  const again = await commitImport({ ...input, mode: 'all' })
  const reimportMs = performance.now() - t1
  if (again.inserted + again.updated !== 0 || again.unchanged !== ROWS)
    throw new Error(`${label}: the re-import changed rows: ${again.message}`)
  const t2 = performance.now()
  const preview = await previewImport(input)
  const previewMs = performance.now() - t2
  if (preview.counts.unchanged !== ROWS)
    throw new Error(`${label}: preview ${JSON.stringify(preview.counts)}`)
  return { median: median(times), reimportMs, previewMs }
}

async function postgres(bytes: Uint8Array) {
  const name = `bench_import_${randomBytes(4).toString('hex')}`
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  await admin(`CREATE DATABASE "${name}"`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString() })
  try {
    await migrateDatabase(database)
    return await runImports('PostgreSQL', database, bytes, 3)
  } finally {
    await database.close()
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  }
}

async function pglite(bytes: Uint8Array) {
  const database = await openDatabase({ kind: 'pglite', dataDir: null })
  try {
    await migrateDatabase(database)
    return await runImports('PGlite', database, bytes, 1)
  } finally {
    await database.close()
  }
}

const bytes = generateCsv()
console.log(
  `import of ${ROWS.toLocaleString('en-US')} observations from a ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB CSV`,
)
const pgResult = await postgres(bytes)
const liteResult = await pglite(bytes)
const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s`
const ok = pgResult.median < TARGET_MS
console.log('')
console.log(`| database   | import (median) | rows/s | re-import (no change) | preview | target |`)
console.log(`|------------|-----------------|--------|-----------------------|---------|--------|`)
console.log(
  `| PostgreSQL | ${seconds(pgResult.median)} (median of 3) | ${rate(pgResult.median)} | ${seconds(pgResult.reimportMs)} | ${seconds(pgResult.previewMs)} | < 10 s ${ok ? 'PASS' : 'FAIL'} |`,
)
console.log(
  `| PGlite     | ${seconds(liteResult.median)} (1 run) | ${rate(liteResult.median)} | ${seconds(liteResult.reimportMs)} | ${seconds(liteResult.previewMs)} | reference |`,
)
process.exit(ok ? 0 : 1)
