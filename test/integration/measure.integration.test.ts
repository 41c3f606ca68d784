import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertMeasure, type World } from '../factories/index.ts'
import { insertObservations } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
let schoolBMeasureId: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
  schoolBMeasureId = (await insertMeasure(database.db, world.district.id, { schoolId: world.schoolB.id })).id
})
afterAll(() => database.close())

const as = (key: keyof World['actors']) => callerFor(database.db, world.actors[key])
const newMeasure = (over: Record<string, unknown> = {}) => ({
  code: `M-${Math.random().toString(36).slice(2, 8)}`,
  name: 'Students with a trusted adult',
  family: 'driver' as const,
  unit: 'percent' as const,
  higherIsBetter: true,
  cadence: 'monthly' as const,
  ...over,
})

describe('measure.create', () => {
  it('defaults the chart type from the unit and the multiplier to 100 for percents, with an audit event', async () => {
    const percent = await as('leader').measure.create(newMeasure())
    expect(percent).toMatchObject({ chartType: 'p', multiplier: 100, scope: 'district', canEdit: true })
    const count = await as('leader').measure.create(newMeasure({ unit: 'count' }))
    expect(count).toMatchObject({ chartType: 'c', multiplier: 1 })
    const score = await as('leader').measure.create(newMeasure({ unit: 'score', chartType: 'run' }))
    expect(score.chartType).toBe('run')
    expect(
      await database.db.auditEvent.count({ where: { entityId: percent.id, action: 'measure.create' } }),
    ).toBe(1)
  })

  it('lets team members add their school’s own measures but not the district library', async () => {
    const own = await as('member').measure.create(newMeasure({ schoolId: world.schoolA.id }))
    expect(own).toMatchObject({ scope: 'school', school: { id: world.schoolA.id } })
    await expect(as('member').measure.create(newMeasure())).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      as('member').measure.create(newMeasure({ schoolId: world.schoolB.id })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      as('member').measure.create(newMeasure({ schoolId: other.schoolA.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses a taken code and a chart that does not fit the unit, naming the field', async () => {
    await expect(as('leader').measure.create(newMeasure({ code: world.measure.code }))).rejects.toMatchObject(
      { code: 'CONFLICT', message: expect.stringMatching(/^code: The code .* is already used/) },
    )
    await expect(
      as('leader').measure.create(newMeasure({ unit: 'score', chartType: 'p' })),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^chartType: A p chart needs a percent/),
    })
  })
})

describe('measure.update', () => {
  it('records only the changed fields and refuses a cadence change once there is data', async () => {
    const m = await as('leader').measure.create(newMeasure())
    const updated = await as('admin').measure.update({
      id: m.id,
      name: 'Students who name a trusted adult',
      higherIsBetter: true,
    })
    expect(updated.name).toBe('Students who name a trusted adult')
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { entityId: m.id, action: 'measure.update' },
    })
    expect(audit.before).toEqual({ name: 'Students with a trusted adult' })
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: m.id,
      schoolId: world.schoolA.id,
      rows: [{ studentGroupId: world.groups.ALL.id, period: '2025-10-01', numerator: 40, denominator: 50 }],
    })
    await expect(as('leader').measure.update({ id: m.id, cadence: 'weekly' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/^cadence: /),
    })
    const archived = await as('leader').measure.update({ id: m.id, archived: true })
    expect(archived.archived).toBe(true)
    await expect(as('member').measure.update({ id: m.id, name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

describe('measure.list and byId', () => {
  it('shows the library plus the caller’s schools’ own measures, with filters', async () => {
    const mine = await as('member').measure.list({})
    expect(mine.map((m) => m.id)).toContain(world.measure.id)
    expect(mine.map((m) => m.id)).not.toContain(schoolBMeasureId)
    const leader = await as('leader').measure.list({})
    expect(leader.map((m) => m.id)).toContain(schoolBMeasureId)
    expect(leader.every((m) => m.id !== other.measure.id)).toBe(true)
    const bySchool = await as('leader').measure.list({ schoolId: world.schoolA.id })
    expect(bySchool.map((m) => m.id)).not.toContain(schoolBMeasureId)
    const counts = await as('leader').measure.list({ unit: 'count' })
    expect(counts.every((m) => m.unit === 'count')).toBe(true)
    const searched = await as('leader').measure.list({ search: 'CHRONIC absence' })
    expect(searched.map((m) => m.id)).toContain(world.measure.id)
    const districtOnly = await as('leader').measure.list({ scope: 'district' })
    expect(districtOnly.every((m) => m.scope === 'district')).toBe(true)
  })

  it('lists where the caller may see and enter data', async () => {
    const forMember = await as('member').measure.byId({ id: world.measure.id })
    expect(forMember.entrySchools.map((s) => s.id)).toEqual([world.schoolA.id])
    expect(forMember.suppressionThreshold).toBe(10)
    const forViewer = await as('viewer').measure.byId({ id: world.measure.id })
    expect(forViewer.entrySchools).toEqual([])
    expect(forViewer.viewSchools.map((s) => s.id)).toEqual([world.schoolA.id])
    expect(forViewer.canEdit).toBe(false)
    await expect(as('member').measure.byId({ id: schoolBMeasureId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      callerFor(database.db, other.actors.admin).measure.byId({ id: world.measure.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
