import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertGoal, type World } from '../factories/index.ts'
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

const api = () => callerFor(database.db, world.actors.member)

async function secondGoal(w: World) {
  return insertGoal(database.db, {
    districtId: w.district.id,
    schoolId: w.schoolA.id,
    teamId: w.teamA.id,
    measureId: w.measure.id,
    focalGroupId: w.groups.EL.id,
  })
}

describe('driver procedures', () => {
  it('adds primary and secondary drivers in order and audits each', async () => {
    const goal = await secondGoal(world)
    const p1 = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'Belonging' })
    const p2 = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'Family partnership' })
    const s1 = await api().driver.create({
      goalId: goal.id,
      kind: 'secondary',
      parentId: p1.id,
      title: 'Advisory check-ins',
    })
    expect([p1.position, p2.position, s1.position]).toEqual([0, 1, 0])
    expect(s1.parentId).toBe(p1.id)
    const audits = await database.db.auditEvent.count({
      where: { action: 'driver.create', entityId: { in: [p1.id, p2.id, s1.id] } },
    })
    expect(audits).toBe(3)
  })

  it('needs a primary parent of the same goal for a secondary driver, writing nothing otherwise', async () => {
    const goal = await secondGoal(world)
    const before = await database.db.driverNode.count()
    // Parent of another goal
    await expect(
      api().driver.create({ goalId: goal.id, kind: 'secondary', parentId: world.primary.id, title: 'x' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'parentId: Choose a primary driver of this goal.',
    })
    // Parent that is itself a secondary driver
    await expect(
      api().driver.create({
        goalId: world.goal.id,
        kind: 'secondary',
        parentId: world.secondary.id,
        title: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'parentId: A secondary driver goes under a primary driver, not another secondary.',
    })
    // Parent of another district
    await expect(
      api().driver.create({
        goalId: world.goal.id,
        kind: 'secondary',
        parentId: other.primary.id,
        title: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'parentId: Choose a primary driver of this goal.',
    })
    // No parent at all (schema)
    await expect(
      api().driver.create({ goalId: world.goal.id, kind: 'secondary', title: 'x' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'parentId: A secondary driver needs its primary driver.',
    })
    expect(await database.db.driverNode.count()).toBe(before)
  })

  it('moves a secondary driver under another primary and reorders siblings', async () => {
    const goal = await secondGoal(world)
    const p1 = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'P1' })
    const p2 = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'P2' })
    const a = await api().driver.create({ goalId: goal.id, kind: 'secondary', parentId: p1.id, title: 'A' })
    const b = await api().driver.create({ goalId: goal.id, kind: 'secondary', parentId: p2.id, title: 'B' })
    const moved = await api().driver.update({ id: a.id, parentId: p2.id, position: 0 })
    expect(moved).toMatchObject({ parentId: p2.id, position: 0 })
    const bAfter = await database.db.driverNode.findUniqueOrThrow({ where: { id: b.id } })
    expect(bAfter.position).toBe(1)
    const first = await api().driver.update({ id: p2.id, position: 0 })
    expect(first.position).toBe(0)
    const p1After = await database.db.driverNode.findUniqueOrThrow({ where: { id: p1.id } })
    expect(p1After.position).toBe(1)
    await expect(api().driver.update({ id: p1.id, parentId: p2.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'parentId: A primary driver has no parent.',
    })
    const otherGoal = await secondGoal(world)
    const foreign = await api().driver.create({ goalId: otherGoal.id, kind: 'primary', title: 'Elsewhere' })
    await expect(api().driver.update({ id: a.id, parentId: foreign.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'parentId: Choose a primary driver of this goal.',
    })
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'driver.update', entityId: a.id },
      orderBy: { id: 'desc' },
    })
    expect(audit?.before).toMatchObject({ parentId: p1.id })
    expect(audit?.after).toMatchObject({ parentId: p2.id, position: 0 })
  })

  it('deletes a primary driver with its secondary drivers, keeping change ideas but not their links', async () => {
    const goal = await secondGoal(world)
    const p = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'P' })
    const s = await api().driver.create({ goalId: goal.id, kind: 'secondary', parentId: p.id, title: 'S' })
    const keep = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'Keep' })
    const keepS = await api().driver.create({
      goalId: goal.id,
      kind: 'secondary',
      parentId: keep.id,
      title: 'KS',
    })
    const idea = await api().changeIdea.create({
      goalId: goal.id,
      title: 'Idea',
      driverIds: [s.id, keepS.id],
    })
    const result = await api().driver.delete({ id: p.id })
    expect(result.deletedDriverIds.sort()).toEqual([p.id, s.id].sort())
    expect(result.unlinkedChangeIdeaIds).toEqual([idea.id])
    expect(await database.db.driverNode.count({ where: { id: { in: [p.id, s.id] } } })).toBe(0)
    const after = await api().changeIdea.byId({ id: idea.id })
    expect(after.driverIds).toEqual([keepS.id])
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'driver.delete', entityId: p.id },
    })
    expect(audit?.before).toMatchObject({ title: 'P', secondaryDrivers: [{ id: s.id }] })
  })

  it('lets only the goal’s editors change drivers; other districts get NOT_FOUND', async () => {
    await expect(
      callerFor(database.db, world.actors.coach).driver.create({
        goalId: world.goal.id,
        kind: 'primary',
        title: 'x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, world.actors.leader).driver.update({ id: world.primary.id, title: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.member).driver.delete({ id: world.primary.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      callerFor(database.db, other.actors.member).driver.create({
        goalId: world.goal.id,
        kind: 'primary',
        title: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
