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

const valid = { code: 'LCAP 1', title: 'Every student reads by grade 3', startYear: 2025, endYear: 2028 }

describe('district goal procedures', () => {
  it('lets district leaders create one with an owner, audited; everyone in the district lists it', async () => {
    const leader = callerFor(database.db, world.actors.leader)
    const created = await leader.districtGoal.create({ ...valid, ownerId: world.users.leader.id })
    expect(created).toMatchObject({ code: 'LCAP 1', archived: false, owner: { id: world.users.leader.id } })
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'district_goal.create', entityId: created.id },
    })
    expect(audit?.actorId).toBe(world.users.leader.id)
    for (const key of ['member', 'otherTeamMember', 'principal', 'coach'] as const) {
      const list = await callerFor(database.db, world.actors[key]).districtGoal.list({})
      expect(list.map((d) => d.code)).toEqual(['LCAP 1', 'LCAP 2'])
    }
    const theirs = await callerFor(database.db, other.actors.leader).districtGoal.list({})
    expect(theirs.map((d) => d.id)).not.toContain(created.id)
  })

  it('validates codes, years and owners with messages naming the field, writing nothing', async () => {
    const admin = callerFor(database.db, world.actors.admin)
    const before = await database.db.districtGoal.count()
    await expect(admin.districtGoal.create({ ...valid, code: 'lcap 2' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'code: Another district goal already uses this code.',
    })
    await expect(admin.districtGoal.create({ ...valid, code: 'X', endYear: 2020 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'endYear: The end year is before the start year.',
    })
    await expect(
      admin.districtGoal.create({ ...valid, code: 'Y', ownerId: other.users.leader.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'ownerId: Choose an active user of this district.',
    })
    expect(await database.db.districtGoal.count()).toBe(before)
  })

  it('updates and archives; archived goals leave the default list', async () => {
    const admin = callerFor(database.db, world.actors.admin)
    const goal = await admin.districtGoal.create({ ...valid, code: 'SAFE', title: 'Safe schools' })
    const updated = await admin.districtGoal.update({
      id: goal.id,
      title: 'Safe and welcoming schools',
      endYear: 2030,
    })
    expect(updated).toMatchObject({ title: 'Safe and welcoming schools', endYear: 2030 })
    await expect(admin.districtGoal.update({ id: goal.id, endYear: 2024 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'endYear: The end year is before the start year.',
    })
    await expect(admin.districtGoal.update({ id: goal.id, code: 'LCAP 2' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'code: Another district goal already uses this code.',
    })
    const archived = await admin.districtGoal.update({ id: goal.id, archived: true })
    expect(archived.archived).toBe(true)
    expect((await admin.districtGoal.list({})).map((d) => d.id)).not.toContain(goal.id)
    expect((await admin.districtGoal.list({ includeArchived: true })).map((d) => d.id)).toContain(goal.id)
    const audits = await database.db.auditEvent.findMany({
      where: { action: 'district_goal.update', entityId: goal.id },
      orderBy: { id: 'asc' },
    })
    expect(audits).toHaveLength(2)
    expect(audits[0]?.before).toEqual({ title: 'Safe schools', endYear: 2028 })
  })

  it('refuses everyone but leaders and admins; other districts get NOT_FOUND', async () => {
    for (const key of ['member', 'lead', 'coach', 'viewer', 'principal'] as const) {
      await expect(
        callerFor(database.db, world.actors[key]).districtGoal.create({ ...valid, code: `Z-${key}` }),
        key,
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(
      callerFor(database.db, other.actors.admin).districtGoal.update({
        id: world.districtGoal.id,
        title: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
