import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertCycle, insertGoal, type World } from '../factories/index.ts'
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

describe('change idea procedures', () => {
  it('creates a change idea linked to secondary drivers of its goal, with an audit event', async () => {
    const idea = await api().changeIdea.create({
      goalId: world.goal.id,
      title: 'Morning greeters',
      status: 'idea',
      mtssTier: 1,
      evidenceLinks: ['https://example.org/greeters'],
      driverIds: [world.secondary.id],
    })
    expect(idea).toMatchObject({ driverIds: [world.secondary.id], cycleCount: 0, canEdit: true })
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'change_idea.create', entityId: idea.id },
    })
    expect(audit?.after).toMatchObject({ title: 'Morning greeters', driverIds: [world.secondary.id] })
  })

  it('refuses links to primary drivers, to drivers of another goal or district, and bad evidence links', async () => {
    const before = await database.db.changeIdea.count()
    const otherGoal = await insertGoal(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      measureId: world.measure.id,
      focalGroupId: world.groups.SED.id,
    })
    const foreign = await database.db.driverNode.create({
      data: { districtId: world.district.id, goalId: otherGoal.id, kind: 'primary', title: 'P' },
    })
    const base = { goalId: world.goal.id, title: 'x' }
    await expect(api().changeIdea.create({ ...base, driverIds: [world.primary.id] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'driverIds: Link change ideas to secondary drivers, not primary drivers.',
    })
    await expect(api().changeIdea.create({ ...base, driverIds: [foreign.id] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'driverIds: Link only to drivers of this goal.',
    })
    await expect(api().changeIdea.create({ ...base, driverIds: [other.secondary.id] })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: 'driverIds: Link only to drivers of this goal.',
      },
    )
    await expect(
      api().changeIdea.create({ ...base, evidenceLinks: ['javascript:alert(1)'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'evidenceLinks.0: Must be an http(s) link.' })
    await expect(api().changeIdea.create({ ...base, mtssTier: 4 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'mtssTier: Tier 1 to 3.',
    })
    expect(await database.db.changeIdea.count()).toBe(before)
  })

  it('updates status, tier, evidence and driver links; a bad link changes nothing', async () => {
    const s2 = await database.db.driverNode.create({
      data: {
        districtId: world.district.id,
        goalId: world.goal.id,
        kind: 'secondary',
        parentId: world.primary.id,
        title: 'Attendance conferences',
      },
    })
    const idea = await api().changeIdea.create({ goalId: world.goal.id, title: 'Conference script' })
    const updated = await api().changeIdea.update({
      id: idea.id,
      status: 'testing',
      mtssTier: 2,
      evidenceLinks: ['https://example.org/a', 'https://example.org/b'],
      driverIds: [world.secondary.id, s2.id],
    })
    expect(updated).toMatchObject({ status: 'testing', mtssTier: 2 })
    expect(updated.driverIds.sort()).toEqual([world.secondary.id, s2.id].sort())
    await expect(
      api().changeIdea.update({ id: idea.id, title: 'Renamed', driverIds: [world.primary.id] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const unchanged = await api().changeIdea.byId({ id: idea.id })
    expect(unchanged.title).toBe('Conference script')
    expect(unchanged.driverIds).toHaveLength(2)
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'change_idea.update', entityId: idea.id },
    })
    expect(audit?.before).toMatchObject({ status: 'idea', mtssTier: null, driverIds: [] })
    expect(audit?.after).toMatchObject({ status: 'testing', mtssTier: 2 })
  })

  it('refuses to delete a change idea while cycles test it, and deletes it otherwise', async () => {
    await expect(api().changeIdea.delete({ id: world.changeIdea.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('A cycle tests this change idea, so it cannot be deleted'),
    })
    expect(await database.db.changeIdea.count({ where: { id: world.changeIdea.id } })).toBe(1)
    const idea = await api().changeIdea.create({
      goalId: world.goal.id,
      title: 'Short-lived',
      driverIds: [world.secondary.id],
    })
    await api().changeIdea.delete({ id: idea.id })
    expect(await database.db.changeIdea.count({ where: { id: idea.id } })).toBe(0)
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'change_idea.delete', entityId: idea.id },
    })
    expect(audit?.before).toMatchObject({ title: 'Short-lived', driverIds: [world.secondary.id] })
  })

  it('lists a goal’s change ideas for its readers only', async () => {
    const list = await callerFor(database.db, world.actors.viewer).changeIdea.list({ goalId: world.goal.id })
    expect(list.map((i) => i.id)).toContain(world.changeIdea.id)
    await expect(
      callerFor(database.db, world.actors.otherTeamMember).changeIdea.list({ goalId: world.goal.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.admin).changeIdea.byId({ id: world.changeIdea.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      callerFor(database.db, world.actors.viewer).changeIdea.update({ id: world.changeIdea.id, title: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('goal.diagram', () => {
  it('returns primary → secondary → change ideas with cycle counts, latest stage and decision', async () => {
    const goal = await insertGoal(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      measureId: world.measure.id,
      focalGroupId: world.groups.AA.id,
    })
    const p = await api().driver.create({ goalId: goal.id, kind: 'primary', title: 'Belonging' })
    const s1 = await api().driver.create({ goalId: goal.id, kind: 'secondary', parentId: p.id, title: 'S1' })
    const s2 = await api().driver.create({ goalId: goal.id, kind: 'secondary', parentId: p.id, title: 'S2' })
    const shared = await api().changeIdea.create({
      goalId: goal.id,
      title: 'Shared',
      driverIds: [s1.id, s2.id],
    })
    const loose = await api().changeIdea.create({ goalId: goal.id, title: 'Loose' })
    const scope = { districtId: world.district.id, schoolId: world.schoolA.id, teamId: world.teamA.id }
    const c1 = await insertCycle(database.db, { ...scope, goalId: goal.id, title: 'First' })
    await database.db.pdsaCycle.update({
      where: { id: c1.id },
      data: {
        changeIdeaId: shared.id,
        stage: 'complete',
        decision: 'adapt',
        drivers: { create: [{ driverId: s1.id }] },
      },
    })
    const c2 = await insertCycle(database.db, { ...scope, goalId: goal.id, title: 'Second' })
    await database.db.pdsaCycle.update({
      where: { id: c2.id },
      data: {
        changeIdeaId: shared.id,
        stage: 'do',
        previousCycleId: c1.id,
        cycleNumber: 2,
        drivers: { create: [{ driverId: s1.id }, { driverId: p.id }] },
      },
    })

    const diagram = await callerFor(database.db, world.actors.principal).goal.diagram({ id: goal.id })
    expect(diagram.canEdit).toBe(false)
    expect(diagram.changeIdeaCount).toBe(2)
    const [primary] = diagram.primaries
    expect(primary).toMatchObject({ id: p.id, cycleCount: 1, totalCycleCount: 2 })
    expect(primary?.secondaries.map((s) => [s.title, s.cycleCount])).toEqual([
      ['S1', 2],
      ['S2', 0],
    ])
    const ideaUnderS1 = primary?.secondaries[0]?.changeIdeas[0]
    expect(ideaUnderS1).toMatchObject({
      id: shared.id,
      cycleCount: 2,
      latestCycle: { id: c2.id, stage: 'do' },
      latestDecision: 'adapt',
    })
    expect(primary?.secondaries[1]?.changeIdeas.map((i) => i.id)).toEqual([shared.id])
    expect(diagram.unlinkedChangeIdeas.map((i) => i.id)).toEqual([loose.id])

    const editable = await api().goal.diagram({ id: goal.id })
    expect(editable.canEdit).toBe(true)
    await expect(
      callerFor(database.db, world.actors.otherTeamMember).goal.diagram({ id: goal.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.leader).goal.diagram({ id: goal.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
