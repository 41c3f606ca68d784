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
  // An old event (appended first, as the log is), to filter by date.
  await database.db.auditEvent.create({
    data: {
      districtId: world.district.id,
      actorId: world.users.admin.id,
      action: 'school.update',
      entityType: 'school',
      entityId: world.schoolA.id,
      createdAt: new Date('2024-05-10T12:00:00Z'),
    },
  })
  const admin = callerFor(database.db, world.actors.admin)
  for (const name of ['Alder', 'Birch', 'Cedar']) {
    await admin.org.createSchool({
      code: name.toUpperCase(),
      name: `${name} Elementary`,
      level: 'elementary',
    })
  }
  await callerFor(database.db, world.actors.leader).measure.update({
    id: world.measure.id,
    description: 'Defined.',
  })
  await callerFor(database.db, other.actors.admin).org.createSchool({
    code: 'AWAY',
    name: 'Away',
    level: 'high',
  })
})
afterAll(() => database.close())

const leader = () => callerFor(database.db, world.actors.leader)

describe('audit.list', () => {
  it('lists the district’s events newest first, with the actor’s name and filter options', async () => {
    const page = await leader().audit.list({})
    expect(page.events.length).toBe(5)
    expect(page.events[0]).toMatchObject({ action: 'measure.update', actor: { name: 'Riverbend Leader' } })
    expect(page.events.map((e) => e.entityId)).not.toContain(other.schoolA.id)
    expect(page.facets?.actions).toEqual(['measure.update', 'school.create', 'school.update'])
    expect(page.facets?.entityTypes).toEqual(['measure', 'school'])
    expect(page.facets?.actors.map((a) => a.name).sort()).toEqual(['Riverbend Admin', 'Riverbend Leader'])
  })

  it('filters by actor, entity type, action and date range', async () => {
    const byActor = await leader().audit.list({ actorId: world.users.leader.id })
    expect(byActor.events.map((e) => e.action)).toEqual(['measure.update'])
    const byType = await leader().audit.list({ entityType: 'school' })
    expect(byType.events).toHaveLength(4)
    const byAction = await leader().audit.list({ action: 'school.create' })
    expect(byAction.events).toHaveLength(3)
    const old = await leader().audit.list({ from: '2024-05-10', to: '2024-05-10' })
    expect(old.events.map((e) => e.action)).toEqual(['school.update'])
    const none = await leader().audit.list({ from: '2024-05-11', to: '2024-12-31' })
    expect(none.events).toEqual([])
    await expect(leader().audit.list({ from: '2025-01-02', to: '2025-01-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'to: The end is before the start.',
    })
  })

  it('reads the date range as days in the district’s time zone', async () => {
    // 2024-05-10 12:00 UTC is May 10 in Los Angeles (the default) and May 11, 00:00 in Auckland.
    await database.db.district.update({
      where: { id: world.district.id },
      data: { timeZone: 'Pacific/Auckland' },
    })
    try {
      const may11 = await leader().audit.list({ from: '2024-05-11', to: '2024-05-11' })
      expect(may11.events.map((e) => e.action)).toEqual(['school.update'])
      expect((await leader().audit.list({ from: '2024-05-10', to: '2024-05-10' })).events).toEqual([])
    } finally {
      await database.db.district.update({
        where: { id: world.district.id },
        data: { timeZone: 'America/Los_Angeles' },
      })
    }
  })

  it('pages with a cursor until the end', async () => {
    const first = await leader().audit.list({ limit: 2 })
    expect(first.events).toHaveLength(2)
    const second = await leader().audit.list({ limit: 2, cursor: first.nextCursor! })
    const third = await leader().audit.list({ limit: 2, cursor: second.nextCursor! })
    expect(second.facets).toBeNull()
    expect(third.nextCursor).toBeNull()
    const ids = [...first.events, ...second.events, ...third.events].map((e) => Number(e.id))
    expect(ids).toHaveLength(5)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
  })

  it('is for district leaders and admins only', async () => {
    for (const key of ['coach', 'lead', 'member', 'viewer', 'principal'] as const) {
      await expect(callerFor(database.db, world.actors[key]).audit.list({})).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    }
  })
})
