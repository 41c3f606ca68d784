// Figures a measure cannot take (issue 12, item 9): ±1e308, a percent of 250, a fraction of a count, a
// negative count. Refused with the field named, and nothing stored — where they were stored before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertMeasure, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let countMeasureId: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Figures')
  const count = await insertMeasure(database.db, world.district.id, { code: 'REFERRALS' })
  await database.db.measure.update({
    where: { id: count.id },
    data: { unit: 'count', chartType: 'c', multiplier: 1, name: 'Office referrals' },
  })
  countMeasureId = count.id
}, 120_000)
afterAll(() => database.close())

const lead = () => callerFor(database.db, world.actors.lead)

const goalInput = (over: Record<string, unknown>) => ({
  schoolId: world.schoolA.id,
  teamId: world.teamA.id,
  title: 'Chronic absence of SED students',
  measureId: world.measure.id,
  focalGroupId: world.groups.SED.id,
  referenceKind: 'all_other_students' as const,
  baselineValue: 18,
  baselineDate: '2025-09-01',
  targetValue: 12,
  targetDate: '2026-06-01',
  ...over,
})

describe('observations', () => {
  const save = (measureId: string, row: Record<string, unknown>) =>
    lead().observation.save({
      measureId,
      schoolId: world.schoolA.id,
      observations: [{ studentGroupId: world.groups.ALL.id, period: '2025-09-01', ...row }],
    })

  it('refuses ±1e308, a fraction of a count and a negative count, and stores nothing', async () => {
    const before = await database.db.observation.count()
    for (const [measureId, row, message] of [
      [countMeasureId, { value: 1e308 }, /between -1,000,000,000 and 1,000,000,000/],
      [countMeasureId, { value: -1e308 }, /between -1,000,000,000 and 1,000,000,000/],
      [countMeasureId, { value: 2.5 }, /A count is a whole number/],
      [countMeasureId, { value: -3 }, /A count cannot be negative/],
      [world.measure.id, { numerator: 1e308, denominator: 1e308 }, /between -1,000,000,000/],
      [world.measure.id, { value: 250 }, /A percent is between 0 and 100/],
    ] as const) {
      await expect(save(measureId, row), JSON.stringify(row)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(message),
      })
    }
    expect(await database.db.observation.count()).toBe(before)
  })

  it('still takes sound figures', async () => {
    await expect(save(countMeasureId, { value: 14 })).resolves.toBeDefined()
  })
})

describe('goals', () => {
  it('refuses a baseline, target or gap beyond the measure’s scale, and stores nothing', async () => {
    const before = await database.db.equityGoal.count()
    for (const [over, field] of [
      [{ targetValue: 1e308 }, 'targetValue'],
      [{ baselineValue: -1e308 }, 'baselineValue'],
      [{ targetValue: 250 }, 'targetValue'],
      [{ baselineValue: -5 }, 'baselineValue'],
      [{ baselineGap: -140 }, 'baselineGap'],
    ] as const) {
      await expect(lead().goal.create(goalInput(over)), field).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining(field),
      })
    }
    expect(await database.db.equityGoal.count()).toBe(before)
  })

  it('checks an update against the measure, and every figure when the measure changes', async () => {
    await expect(lead().goal.update({ id: world.goal.id, targetValue: 101 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'targetValue: A percent is between 0 and 100.',
    })
    const goal = await lead().goal.create(goalInput({ baselineValue: 40, targetValue: 30 }))
    const count = await lead().goal.update({ id: goal.id, measureId: countMeasureId })
    expect(count.measure.id).toBe(countMeasureId)
    await expect(
      lead().goal.update({ id: goal.id, measureId: world.measure.id, baselineValue: 120 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
  })
})

describe('cycle predictions', () => {
  it('refuses a predicted or observed figure beyond the linked measure’s scale', async () => {
    await lead().cycle.saveMeasures({
      id: world.cycle.id,
      measures: [{ measureId: world.measure.id, expectedDirection: 'decrease' }],
    })
    const question = { question: 'Will absences fall?', measureId: world.measure.id }
    for (const over of [{ predictedValue: 1e308 }, { predictedMax: 180 }, { resultValue: -2 }]) {
      await expect(
        lead().cycle.saveQuestions({ id: world.cycle.id, questions: [{ ...question, ...over }] }),
        JSON.stringify(over),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    }
    expect(await database.db.cycleQuestion.count({ where: { cycleId: world.cycle.id } })).toBe(0)
    await expect(
      lead().cycle.saveQuestions({ id: world.cycle.id, questions: [{ ...question, predictedValue: 15 }] }),
    ).resolves.toBeDefined()
  })
})
