// The district data version (prisma/migrations/*_district_data_version): triggers move it on every write,
// by any path, to what the oversight screens' derived figures read — and only for the district written to.
// The derived-figures cache (server/services/district/derived-cache.ts) trusts it instead of scanning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDistrictDataVersion } from '../../server/services/district/derived-cache.ts'
import { createWorld, insertCycle, insertDistrict, type World } from '../factories/index.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Versioned')
  other = await createWorld(database.db, 'Untouched')
})
afterAll(() => database.close())

const version = (districtId: string) => readDistrictDataVersion(database.db, districtId)

/** Runs the write and checks that it moved this district's version and left the other's alone. */
async function expectMoves(what: string, write: () => Promise<unknown>) {
  const before = await version(world.district.id)
  const otherBefore = await version(other.district.id)
  await write()
  expect(await version(world.district.id), what).not.toBe(before)
  expect(await version(other.district.id), `${what} (other district)`).toBe(otherBefore)
}

describe('district data version', () => {
  it('exists for a new district', async () => {
    const district = await insertDistrict(database.db, { name: 'Brand new' })
    expect(await version(district.id)).not.toBe('0')
  })

  it('moves on inserts, updates and deletes of every input, raw SQL included', async () => {
    const db = database.db
    const d = world.district.id
    const observation = {
      districtId: d,
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      studentGroupId: world.groups.ALL.id,
      period: new Date('2020-01-06'),
      value: 12,
      source: 'manual' as const,
    }
    await expectMoves('observation insert', () => db.observation.create({ data: observation }))
    await expectMoves('observation update', () =>
      db.observation.updateMany({
        where: { districtId: d, period: observation.period },
        data: { value: 13 },
      }),
    )
    await expectMoves(
      'observation raw update',
      () =>
        db.$executeRaw`UPDATE "Observation" SET "value" = 14 WHERE "districtId" = ${d}::uuid AND "period" = ${observation.period}`,
    )
    await expectMoves('observation delete', () =>
      db.observation.deleteMany({ where: { districtId: d, period: observation.period } }),
    )
    const cycle = await insertCycle(db, { districtId: d, schoolId: world.schoolA.id, teamId: world.teamA.id })
    await expectMoves('cycle update', () =>
      db.pdsaCycle.update({ where: { id: cycle.id }, data: { plannedEnd: new Date('2026-10-30') } }),
    )
    await expectMoves('cycle measure link', () =>
      db.cycleMeasure.create({
        data: { cycleId: cycle.id, measureId: world.measure.id, expectedDirection: 'decrease' },
      }),
    )
    await expectMoves('cycle measure unlink', () =>
      db.cycleMeasure.deleteMany({ where: { cycleId: cycle.id } }),
    )
    await expectMoves('cycle delete', () => db.pdsaCycle.delete({ where: { id: cycle.id } }))
    await db.equityGoalAlignment.deleteMany({ where: { equityGoalId: world.goal.id } })
    await expectMoves('goal aligned', () =>
      db.equityGoalAlignment.create({
        data: { equityGoalId: world.goal.id, districtGoalId: world.districtGoal.id },
      }),
    )
    await expectMoves('goal alignment removed', () =>
      db.equityGoalAlignment.deleteMany({ where: { equityGoalId: world.goal.id } }),
    )
    await expectMoves('goal update', () =>
      db.equityGoal.update({ where: { id: world.goal.id }, data: { targetValue: 11 } }),
    )
    await expectMoves('measure update', () =>
      db.measure.update({ where: { id: world.measure.id }, data: { name: 'Renamed measure' } }),
    )
    await expectMoves('student group update', () =>
      db.studentGroup.update({ where: { id: world.groups.EL.id }, data: { sortOrder: 99 } }),
    )
    await expectMoves('school update', () =>
      db.school.update({ where: { id: world.schoolB.id }, data: { name: 'Renamed High' } }),
    )
    await expectMoves('team update', () =>
      db.team.update({ where: { id: world.teamB.id }, data: { name: 'Renamed team' } }),
    )
    await expectMoves('suppression threshold', () =>
      db.district.update({ where: { id: d }, data: { suppressionThreshold: 11 } }),
    )
  })

  it('stays put when a write touches no row, and for writes to what the figures do not read', async () => {
    const before = await version(world.district.id)
    await database.db.observation.updateMany({
      where: { districtId: world.district.id, value: -1 },
      data: { value: 0 },
    })
    await database.db.user.updateMany({ where: { districtId: world.district.id }, data: { title: 'Staff' } })
    expect(await version(world.district.id)).toBe(before)
  })

  it('ignores cycle updates the figures do not read (the text mirror, the last edit time)', async () => {
    const before = await version(world.district.id)
    await database.db.pdsaCycle.update({
      where: { id: world.cycle.id },
      data: { objectiveText: 'Mirrored from the document', lastEditedAt: new Date() },
    })
    expect(await version(world.district.id)).toBe(before)
    await expectMoves('cycle window', () =>
      database.db.pdsaCycle.update({ where: { id: world.cycle.id }, data: { lagDays: 7 } }),
    )
    await expectMoves('cycle stage', () =>
      database.db.pdsaCycle.update({ where: { id: world.cycle.id }, data: { stage: 'do' } }),
    )
  })

  it('survives deleting a district whose rows cascade', async () => {
    const doomed = await createWorld(database.db, 'Doomed')
    await database.db.district.delete({ where: { id: doomed.district.id } })
    expect(await version(doomed.district.id)).toBe('0')
  })
})
