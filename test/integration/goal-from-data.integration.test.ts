// Goals built from the data (ADR 025): the baseline the data give and its recorded source, the adverse-gap
// warning in the measure's direction, duplicate goals refused, and a progress reading that never claims
// "100 % of the way" from a baseline the data contradict.
import { readGoalProgress } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { insertObservations } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World

const NOW = new Date('2026-11-20T15:30:00Z')
const member = () => callerFor(database.db, world.actors.member, { app: { now: () => NOW } })

/** Weekly Mondays from 2024-09-02 for `weeks` weeks. */
const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 8, 2 + 7 * i)).toISOString().slice(0, 10))

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Datavale')
  // Chronic absence (lower is better), 40 students per group and week. English learners: 3 of 40 (7.5 %)
  // most weeks, 4 of 40 (10 %) in a few, so the median is 7.5 %; all students: 5 of 40 (12.5 %): EL
  // students are *better off*. Black students: 8 of 40 (20 %), worse off than all students.
  const periods = weeks(60)
  const rows = periods.flatMap((period, i) => [
    { studentGroupId: world.groups.EL.id, period, numerator: i % 5 === 0 ? 4 : 3, denominator: 40 },
    { studentGroupId: world.groups.AA.id, period, numerator: 8, denominator: 40 },
    { studentGroupId: world.groups.ALL.id, period, numerator: 5, denominator: 40 },
  ])
  await insertObservations(database.db, {
    districtId: world.district.id,
    measureId: world.measure.id,
    schoolId: world.schoolA.id,
    rows,
  })
})
afterAll(() => database.close())

const aim = (w: World, focal: 'EL' | 'SED' | 'AA' = 'EL') => ({
  schoolId: w.schoolA.id,
  measureId: w.measure.id,
  focalGroupId: w.groups[focal].id,
  referenceKind: 'all_students' as const,
  referenceGroupId: null,
  baselineDate: '2025-09-01',
})
const goalInput = (w: World, focal: 'EL' | 'SED' | 'AA' = 'EL') => ({
  ...aim(w, focal),
  teamId: w.teamA.id,
  title: `Chronic absence of ${focal}`,
  baselineValue: 7.5,
  targetValue: 5,
  targetDate: '2026-06-01',
  baselineSource: 'data' as const,
})

describe('goal.dataBaseline', () => {
  it('gives the median of the baseline year and the latest value, and warns when the gap is not adverse', async () => {
    const data = await member().goal.dataBaseline(aim(world))
    expect(data.baseline).toEqual({ value: 7.5, from: '2024-09-02', to: '2025-08-25', points: 52 })
    expect(data.current).toEqual({ value: 7.5, period: '2025-10-20' })
    expect(data.gap).toMatchObject({ value: -5, adverse: false, referenceName: 'all students' })
    expect(data.gap?.message).toContain('English learners are not worse off than all students')
    const adverse = await member().goal.dataBaseline(aim(world, 'AA'))
    expect(adverse.gap).toMatchObject({ value: 7.5, adverse: true, message: null })
  })

  it('says when there are no data for the group', async () => {
    const data = await member().goal.dataBaseline(aim(world, 'SED'))
    expect(data.baseline).toBeNull()
    expect(data.baselineMissing).toBe(
      'No released data for this group in the year before September 1, 2025: enter the baseline by hand.',
    )
  })
})

describe('goal.create from data', () => {
  it('records a baseline from data, and refuses a "data" baseline the data do not give', async () => {
    const wrong = await member()
      .goal.create({ ...goalInput(world, 'AA'), baselineValue: 24 })
      .catch((e: unknown) => e)
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST' })
    expect((wrong as Error).message).toContain(
      'The data give 20.0% (median of 52 points, 2024-09-02 to 2025-08-25), not 24',
    )
    const goal = await member().goal.create({ ...goalInput(world, 'AA'), baselineValue: 20, targetValue: 15 })
    expect(goal.baselineSource).toMatchObject({ kind: 'data', value: 20, points: 52, from: '2024-09-02' })
    expect(goal.data.baseline?.value).toBe(20)
  })

  it('records a typed baseline as manual, with what the data said', async () => {
    const goal = await member().goal.create({
      ...goalInput(world, 'EL'),
      title: 'Typed baseline',
      baselineValue: 24,
      targetValue: 20,
      baselineSource: 'manual',
    })
    expect(goal.baselineSource).toEqual({ kind: 'manual', dataValue: 7.5, checkedAt: NOW.toISOString() })
    // The goal page reads progress with the data's baseline: no "100 % of the way" from 24 % to 7.5 %.
    expect(
      readGoalProgress({
        baseline: goal.baselineValue,
        target: goal.targetValue,
        latest: goal.latest?.value ?? null,
        higherIsBetter: goal.measure.higherIsBetter,
        dataBaseline: goal.data.baseline?.value ?? null,
      }),
    ).toEqual({ kind: 'baseline_disagrees', dataBaseline: 7.5 })
  })

  it('refuses a duplicate goal (same school, measure, group, comparison, target year), with a clear message', async () => {
    const first = await member().goal.create({
      ...goalInput(world, 'AA'),
      title: 'Black students A',
      baselineValue: 20,
      targetValue: 14,
      targetDate: '2027-05-01',
    })
    const before = await database.db.equityGoal.count()
    const duplicate = await member()
      .goal.create({
        ...goalInput(world, 'AA'),
        title: 'Black students B',
        baselineValue: 20,
        targetValue: 12,
        targetDate: '2027-06-15',
      })
      .catch((e: unknown) => e)
    expect(duplicate).toMatchObject({ code: 'CONFLICT' })
    expect((duplicate as Error).message).toBe(
      'This school already has a goal for the same students, measure and comparison with a target in 2026–27: “Black students A” (target 14.0%). Change that goal instead of adding a second one.',
    )
    expect(await database.db.equityGoal.count()).toBe(before)
    // Another target year is another goal; an archived goal does not block.
    await member().goal.create({
      ...goalInput(world, 'AA'),
      title: 'Black students next year',
      baselineValue: 20,
      targetValue: 10,
      targetDate: '2027-09-15',
    })
    await member()
      .goal.update({ id: first.id, status: 'archived' })
      .catch(() => undefined)
    await callerFor(database.db, world.actors.lead, { app: { now: () => NOW } }).goal.update({
      id: first.id,
      status: 'archived',
    })
    await member().goal.create({
      ...goalInput(world, 'AA'),
      title: 'Black students B',
      baselineValue: 20,
      targetValue: 12,
      targetDate: '2027-06-15',
    })
    // Bringing the archived one back would duplicate it.
    await expect(
      callerFor(database.db, world.actors.lead, { app: { now: () => NOW } }).goal.update({
        id: first.id,
        status: 'active',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('refuses two concurrent identical creations but one', async () => {
    const input = {
      ...goalInput(world, 'AA'),
      title: 'Concurrent',
      baselineValue: 20,
      targetValue: 11,
      targetDate: '2029-06-01',
    }
    const results = await Promise.allSettled([member().goal.create(input), member().goal.create(input)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
  })

  it('re-checks the source when the baseline changes on update', async () => {
    const goal = await member().goal.create({
      ...goalInput(world, 'AA'),
      title: 'Update me',
      baselineValue: 20,
      targetValue: 13,
      targetDate: '2030-06-01',
    })
    await expect(member().goal.update({ id: goal.id, baselineValue: 25 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    const manual = await member().goal.update({ id: goal.id, baselineValue: 25, baselineSource: 'manual' })
    expect(manual.baselineSource).toMatchObject({ kind: 'manual', dataValue: 20 })
  })
})
