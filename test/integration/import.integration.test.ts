// CSV import of observations (issue 5): preview, row-level errors, all-or-nothing vs valid rows only,
// idempotent re-import, the size limit, tenancy and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
})
afterAll(() => database.close())

// Wednesday 4 March 2026.
const app = { now: () => new Date('2026-03-04T15:00:00Z') }
const as = (w: World, key: keyof World['actors']) => callerFor(database.db, w.actors[key], { app })
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const upload = (text: string, fileName = 'attendance.csv') => ({ fileName, contentBase64: b64(text) })

const HEADER = 'measure,school,period,student_group,numerator,denominator'
/** Rows for world's measure at school A (weekly periods are Mondays). */
function csv(rows: string[][]): string {
  return [HEADER, ...rows.map((r) => r.join(','))].join('\n')
}
const m = () => world.measure.code
const s = () => world.schoolA.code

const observationCount = () =>
  database.db.observation.count({ where: { districtId: world.district.id, source: 'csv' } })

describe('data.previewImport', () => {
  it('counts new, changed, unchanged and invalid rows and names each bad row and its problem', async () => {
    const text = csv([
      [m(), s(), '2026-02-02', 'ALL', '12', '100'], // row 2: fine
      [m(), s(), '2026-02-30', 'ALL', '12', '100'], // row 3: not a date
      [m(), s(), '2026-02-09', 'XYZ', '12', '100'], // row 4: unknown group
      [m(), s(), '2026-02-09', 'EL', '40', '30'], // row 5: numerator above denominator
      [m(), s(), '2026-02-02', 'ALL', '13', '100'], // row 6: duplicate of row 2
      [m(), s(), '02/09/2026', 'AA', '3', '30'], // row 7: not ISO
      [m(), s(), '2026-02-09', 'AA', '-1', '30'], // row 8: negative
      ['NOPE', s(), '2026-02-09', 'SED', '1', '30'], // row 9: unknown measure
    ])
    const before = await observationCount()
    const preview = await as(world, 'lead').data.previewImport(upload(text))
    expect(preview.counts).toMatchObject({ rows: 8, valid: 1, invalid: 7, new: 1, changed: 0, unchanged: 0 })
    const byRow = (row: number) =>
      preview.errors
        .filter((e) => e.row === row)
        .map((e) => e.message)
        .join(' ')
    expect(byRow(3)).toMatch(/^Row 3: period 2026-02-30 is not a date/)
    expect(byRow(4)).toMatch(/^Row 4: student group XYZ does not exist — known groups: AA, ALL, EL, SED/)
    expect(byRow(5)).toContain('Row 5:')
    expect(byRow(5)).toMatch(/numerator.*(larger|greater|above|exceed).*denominator/i)
    expect(byRow(6)).toContain('Row 6: duplicates row 2')
    expect(byRow(7)).toContain('Row 7: period 02/09/2026 is not a date (use YYYY-MM-DD')
    expect(byRow(8)).toMatch(/Row 8: .*(negative|0 or more|at least 0|≥ 0)/i)
    expect(byRow(9)).toContain('Row 9: measure NOPE does not exist')
    expect(preview.sample.map((r) => r.status)).toEqual([
      'new',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ])
    expect(await observationCount()).toBe(before)
  })

  it('refuses a 50 MB file with a clear message before parsing it, and writes nothing', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a').toString('base64')
    const before = await observationCount()
    const batches = await database.db.importBatch.count()
    for (const call of [
      () => as(world, 'lead').data.previewImport({ fileName: 'big.csv', contentBase64: big }),
      () =>
        as(world, 'lead').data.commitImport({ fileName: 'big.csv', contentBase64: big, mode: 'valid_only' }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The file is 50\.0 MB; the limit is 20 MB\. Nothing was imported/),
      })
    }
    expect(await observationCount()).toBe(before)
    expect(await database.db.importBatch.count()).toBe(batches)
  })

  it('explains a file without the needed columns', async () => {
    await expect(
      as(world, 'lead').data.previewImport(upload('measure,school,when\nA,B,C')),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('The file has no period, student_group'),
    })
  })

  it('rejects a value outside its measure’s range and a period that is not in the measure’s cadence', async () => {
    const text = [
      'measure,school,period,student_group,value',
      `${m()},${s()},2026-02-02,ALL,140`,
      `${m()},${s()},2026-02-04,EL,12`,
    ].join('\n')
    const preview = await as(world, 'lead').data.previewImport(upload(text))
    expect(preview.counts.invalid).toBe(2)
    expect(preview.errors.find((e) => e.row === 2)?.message).toMatch(/^Row 2: .*100/)
    expect(preview.errors.find((e) => e.row === 3)?.message).toMatch(/^Row 3: period 2026-02-04.*Monday/i)
  })
})

describe('data.commitImport', () => {
  const mixed = () =>
    csv([
      [m(), s(), '2026-01-05', 'ALL', '20', '200'],
      [m(), s(), '2026-01-05', 'EL', '30', '20'], // numerator above denominator
      [m(), s(), '2026-01-05', 'AA', '5', '40'],
    ])

  it('writes nothing when any row is invalid, unless the user chooses the valid rows only', async () => {
    const before = await observationCount()
    await expect(
      as(world, 'lead').data.commitImport({ ...upload(mixed()), mode: 'all' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('1 row has problems, so nothing was imported'),
    })
    expect(await observationCount()).toBe(before)

    const result = await as(world, 'lead').data.commitImport({ ...upload(mixed()), mode: 'valid_only' })
    expect(result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, skipped: 1 })
    expect(result.batchId).toEqual(expect.any(String))
    expect(await observationCount()).toBe(before + 2)
    const stored = await database.db.observation.findFirstOrThrow({
      where: { importBatchId: result.batchId, studentGroupId: world.groups.ALL.id },
    })
    expect(stored).toMatchObject({ value: 10, numerator: 20, denominator: 200, source: 'csv' })

    const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: result.batchId as string } })
    expect(batch).toMatchObject({
      rowCount: 3,
      insertedCount: 2,
      skippedCount: 1,
      fileName: 'attendance.csv',
    })
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'observation.import', entityId: result.batchId as string },
    })
    expect(audit?.actorId).toBe(world.actors.lead.userId)
    expect(audit?.after).toMatchObject({ mode: 'valid_only', inserted: 2, skipped: 1 })
  })

  it('is idempotent: the same file twice changes nothing and reports 0 new, 0 changed, N unchanged', async () => {
    const text = csv([
      [m(), s(), '2025-11-03', 'ALL', '20', '200'],
      [m(), s(), '2025-11-03', 'SED', '9', '90'],
    ])
    const first = await as(world, 'member').data.commitImport({ ...upload(text), mode: 'all' })
    expect(first).toMatchObject({ inserted: 2, updated: 0 })
    const snapshot = await database.db.observation.findMany({
      where: { importBatchId: first.batchId },
      orderBy: { id: 'asc' },
    })
    const batches = await database.db.importBatch.count()
    const audits = await database.db.auditEvent.count()

    const preview = await as(world, 'member').data.previewImport(upload(text))
    expect(preview.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2, invalid: 0 })
    expect(preview.previousImport?.fileName).toBe('attendance.csv')

    const second = await as(world, 'member').data.commitImport({ ...upload(text), mode: 'all' })
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, batchId: null })
    expect(second.message).toContain('0 new rows, 0 changed rows, 2 unchanged rows')
    expect(await database.db.importBatch.count()).toBe(batches)
    expect(await database.db.auditEvent.count()).toBe(audits)
    expect(
      await database.db.observation.findMany({
        where: { id: { in: snapshot.map((o) => o.id) } },
        orderBy: { id: 'asc' },
      }),
    ).toEqual(snapshot)

    // A changed value updates that row only.
    const changed = text.replace('9,90', '10,90')
    const third = await as(world, 'member').data.commitImport({ ...upload(changed), mode: 'all' })
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 })
  })

  it('lets a team member import only for their own school', async () => {
    const text = csv([[m(), world.schoolB.code, '2026-01-12', 'ALL', '1', '50']])
    const preview = await as(world, 'member').data.previewImport(upload(text))
    expect(preview.errors[0]?.message).toMatch(/^Row 2: you may not enter data for school/)
    const leader = await as(world, 'leader').data.previewImport(upload(text))
    expect(leader.counts).toMatchObject({ valid: 1, new: 1 })
  })

  it('never resolves another district’s measure or school codes', async () => {
    const text = csv([[m(), s(), '2026-01-19', 'ALL', '1', '50']])
    const preview = await as(other, 'leader').data.previewImport(upload(text))
    expect(preview.counts).toMatchObject({ valid: 0, invalid: 1 })
    const messages = preview.errors.map((e) => e.message).join(' ')
    expect(messages).toContain(`measure ${m()} does not exist`)
    expect(messages).toContain(`school ${s()} does not exist`)
    const before = await database.db.observation.count()
    const result = await as(other, 'leader').data.commitImport({ ...upload(text), mode: 'valid_only' })
    expect(result).toMatchObject({ batchId: null, inserted: 0, skipped: 1 })
    expect(result.message).toContain('so nothing was imported')
    expect(await database.db.observation.count()).toBe(before)
  })

  it('refuses viewers and coaches', async () => {
    const text = csv([[m(), s(), '2026-01-26', 'ALL', '1', '50']])
    for (const key of ['viewer', 'coach', 'principal'] as const) {
      await expect(as(world, key).data.previewImport(upload(text))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    }
  })

  it('reports progress under the upload id, to the uploader only', async () => {
    const text = csv([[m(), s(), '2026-02-16', 'ALL', '1', '50']])
    await as(world, 'lead').data.previewImport({ ...upload(text), uploadId: 'upload-abc-123' })
    expect(
      (await as(world, 'lead').data.importProgress({ uploadId: 'upload-abc-123' })).progress,
    ).toMatchObject({ phase: 'done' })
    expect(
      (await as(world, 'member').data.importProgress({ uploadId: 'upload-abc-123' })).progress,
    ).toBeNull()
  })

  it('lists the district’s imports', async () => {
    const { batches } = await as(world, 'leader').data.importHistory({ limit: 10 })
    expect(batches.length).toBeGreaterThanOrEqual(2)
    expect(batches[0]).toMatchObject({ fileName: 'attendance.csv', createdBy: expect.any(String) })
    expect((await as(other, 'leader').data.importHistory({ limit: 10 })).batches).toEqual([])
  })
})
