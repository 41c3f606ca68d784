// Undoing an import (ADR 031): the state before the import comes back exactly (created rows removed,
// overwritten rows restored), within IMPORT_UNDO_DAYS, refused when a later import or manual edit changed
// the same cells, only by the importer or a district admin, never across districts; the batch stays in
// the history marked undone, and the audit log records the reversal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDistrictDataVersion } from '../../server/services/district/data-version.ts'
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

const DAY = 86_400_000
const importedAt = new Date('2026-03-04T15:00:00Z')
const clock = (at: Date) => ({ now: () => at })
const as = (w: World, key: keyof World['actors'], at = importedAt) =>
  callerFor(database.db, w.actors[key], { app: clock(at) })
const upload = (rows: string[][], fileName: string) => ({
  fileName,
  contentBase64: Buffer.from(
    ['measure,school,period,student_group,numerator,denominator', ...rows.map((r) => r.join(','))].join('\n'),
  ).toString('base64'),
})
const row = (period: string, group: string, numerator: number) => [
  world.measure.code,
  world.schoolA.code,
  period,
  group,
  String(numerator),
  '100',
]
const cell = (period: string, group: 'ALL' | 'AA' | 'EL' | 'SED') =>
  database.db.observation.findUnique({
    where: {
      measureId_schoolId_studentGroupId_period: {
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        studentGroupId: world.groups[group].id,
        period: new Date(`${period}T00:00:00Z`),
      },
    },
  })
const saveByHand = (period: string, group: 'ALL' | 'AA' | 'EL' | 'SED', numerator: number) =>
  as(world, 'lead').observation.save({
    measureId: world.measure.id,
    schoolId: world.schoolA.id,
    observations: [{ studentGroupId: world.groups[group].id, period, numerator, denominator: 100 }],
  })

describe('data.undoImport', () => {
  it('removes the rows the import created and gives overwritten rows their earlier values, once', async () => {
    await saveByHand('2026-01-05', 'ALL', 12)
    const before = await cell('2026-01-05', 'ALL')
    const imported = await as(world, 'member').data.commitImport({
      ...upload(
        [row('2026-01-05', 'ALL', 20), row('2026-01-05', 'AA', 7), row('2026-01-12', 'ALL', 9)],
        'jan.csv',
      ),
      mode: 'all',
    })
    expect(imported).toMatchObject({ inserted: 2, updated: 1 })
    expect((await cell('2026-01-05', 'ALL'))?.value).toBe(20)
    const version = await readDistrictDataVersion(database.db, world.district.id)

    const undone = await as(world, 'member', new Date(importedAt.getTime() + DAY)).data.undoImport({
      batchId: imported.batchId as string,
    })
    expect(undone).toMatchObject({ removed: 2, restored: 1 })
    expect(undone.message).toContain('Undid the import of jan.csv')
    // Exactly the state before: the hand-entered row with its values, source, author and time.
    expect(await cell('2026-01-05', 'ALL')).toEqual(before)
    expect(await cell('2026-01-05', 'AA')).toBeNull()
    expect(await cell('2026-01-12', 'ALL')).toBeNull()
    // Releases, verdicts and the district's cached figures are keyed on the data version: it moved.
    expect(await readDistrictDataVersion(database.db, world.district.id)).not.toBe(version)

    const history = await as(world, 'member').data.importHistory({ limit: 5 })
    const batch = history.batches.find((b) => b.id === imported.batchId)
    expect(batch).toMatchObject({ fileName: 'jan.csv', undoneBy: world.actors.member.name, canUndo: false })
    expect(batch?.undoneAt).toBe(new Date(importedAt.getTime() + DAY).toISOString())
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'observation.import_undo', entityId: imported.batchId as string },
    })
    expect(audit).toMatchObject({ actorId: world.actors.member.userId, after: { removed: 2, restored: 1 } })
    const log = await as(world, 'admin').audit.list({ action: 'observation.import_undo' })
    expect(log.events[0]).toMatchObject({ entityName: 'jan.csv', after: { fileName: 'jan.csv' } })

    await expect(
      as(world, 'member').data.undoImport({ batchId: imported.batchId as string }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This import has already been undone.' })
  })

  it('gives every reader the released cells of before again (the release and verdict caches follow)', async () => {
    const released = () =>
      as(world, 'viewer').observation.list({
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        from: '2026-02-16',
        to: '2026-02-16',
      })
    await saveByHand('2026-02-16', 'ALL', 12)
    await saveByHand('2026-02-16', 'EL', 30)
    const before = await released()
    // Overwrites all students and adds a small group, which changes what the release may show.
    const imported = await as(world, 'member').data.commitImport({
      ...upload([row('2026-02-16', 'ALL', 20), row('2026-02-16', 'AA', 1).with(5, '8')], 'small.csv'),
      mode: 'all',
    })
    expect(await released()).not.toEqual(before)
    await as(world, 'member').data.undoImport({ batchId: imported.batchId as string })
    expect(await released()).toEqual(before)
  })

  it('is refused after the stated period, and the importer sees that in the history', async () => {
    const imported = await as(world, 'member').data.commitImport({
      ...upload([row('2026-01-19', 'ALL', 11)], 'late.csv'),
      mode: 'all',
    })
    const later = new Date(importedAt.getTime() + 7 * DAY + 60_000)
    const history = await as(world, 'member', later).data.importHistory({ limit: 10 })
    expect(history.batches.find((b) => b.id === imported.batchId)?.canUndo).toBe(false)
    await expect(
      as(world, 'member', later).data.undoImport({ batchId: imported.batchId as string }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('for 7 days') })
    expect((await cell('2026-01-19', 'ALL'))?.value).toBe(11)
  })

  it('is refused while a later import covers the same cells, naming the cell and the file; then works in order', async () => {
    const first = await as(world, 'member').data.commitImport({
      ...upload([row('2026-01-26', 'ALL', 30), row('2026-01-26', 'EL', 31)], 'first.csv'),
      mode: 'all',
    })
    const second = await as(world, 'lead').data.commitImport({
      ...upload([row('2026-01-26', 'EL', 35)], 'second.csv'),
      mode: 'all',
    })
    await expect(
      as(world, 'member').data.undoImport({ batchId: first.batchId as string }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /first\.csv cannot be undone: 1 cell it wrote was changed after it — .*· English learners · Jan 26, 2026: imported again from second\.csv by .*Nothing was changed/,
      ),
    })
    expect((await cell('2026-01-26', 'ALL'))?.value).toBe(30)
    await as(world, 'lead').data.undoImport({ batchId: second.batchId as string })
    expect((await cell('2026-01-26', 'EL'))?.value).toBe(31)
    await as(world, 'member').data.undoImport({ batchId: first.batchId as string })
    expect(await cell('2026-01-26', 'EL')).toBeNull()
    expect(await cell('2026-01-26', 'ALL')).toBeNull()
  })

  it('is refused when a cell was edited or deleted by hand since', async () => {
    const imported = await as(world, 'member').data.commitImport({
      ...upload([row('2026-02-02', 'ALL', 40), row('2026-02-02', 'SED', 41)], 'feb.csv'),
      mode: 'all',
    })
    await saveByHand('2026-02-02', 'SED', 44)
    const deleted = await cell('2026-02-02', 'ALL')
    await as(world, 'lead').observation.delete({ ids: [deleted?.id as string] })
    await expect(
      as(world, 'member').data.undoImport({ batchId: imported.batchId as string }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2 cells it wrote were changed after it'),
    })
    const refusal = await as(world, 'member')
      .data.undoImport({ batchId: imported.batchId as string })
      .catch((e: Error) => e.message)
    expect(refusal).toContain('All students · Feb 2, 2026: deleted')
    expect(refusal).toMatch(/Socioeconomically disadvantaged · Feb 2, 2026: edited by \S/)
    expect((await cell('2026-02-02', 'SED'))?.value).toBe(44)
  })

  it('is refused for other people, district leaders and other districts; a district admin may undo', async () => {
    const imported = await as(world, 'member').data.commitImport({
      ...upload([row('2026-02-09', 'ALL', 50)], 'admin.csv'),
      mode: 'all',
    })
    const batchId = imported.batchId as string
    for (const key of ['lead', 'otherTeamMember', 'leader', 'coach', 'viewer'] as const) {
      await expect(as(world, key).data.undoImport({ batchId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(as(other, 'admin').data.undoImport({ batchId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await cell('2026-02-09', 'ALL'))?.value).toBe(50)
    await expect(as(world, 'admin').data.undoImport({ batchId })).resolves.toMatchObject({ removed: 1 })
    expect(await cell('2026-02-09', 'ALL')).toBeNull()
  })
})
