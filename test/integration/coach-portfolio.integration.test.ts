import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/client.ts'
import { clearReleaseCache } from '../../server/services/analytics/release.ts'
import { clearDistrictDerivedCache, districtDerived } from '../../server/services/district/derived-cache.ts'
import {
  actorFor,
  createWorld,
  insertCycle,
  insertMeasure,
  insertTeam,
  insertUser,
  type World,
} from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
const NOW = new Date('2026-10-20T12:00:00Z')
const app = { now: () => NOW }

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
})
afterAll(() => database.close())

/** The client, counting every query the services send (model operations and raw SQL). */
function countingQueries(db: Db) {
  let n = 0
  const counted = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        n += 1
        return query(args)
      },
    },
  }) as unknown as Db
  return { db: counted, count: () => n }
}

const scopeA = () => ({ districtId: world.district.id, schoolId: world.schoolA.id, teamId: world.teamA.id })

describe('coach.portfolio', () => {
  it('lists every cycle of the coached teams with warnings, verdicts, open feedback and days since the last edit', async () => {
    const db = database.db
    // In Do since October 5th, linked to a measure with observations in its window: no data warning.
    const withData = await insertCycle(db, { ...scopeA(), goalId: world.goal.id, title: 'With data' })
    await db.pdsaCycle.update({
      where: { id: withData.id },
      data: {
        stage: 'do',
        plannedEnd: new Date('2026-11-30'),
        lastEditedAt: new Date('2026-10-17T09:00:00Z'),
        questions: { create: [{ position: 0, question: 'Will families reply?', prediction: 'Half.' }] },
        measures: { create: [{ measureId: world.measure.id, expectedDirection: 'decrease' }] },
      },
    })
    await db.observation.create({
      data: {
        districtId: world.district.id,
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        studentGroupId: world.groups.ALL.id,
        period: new Date('2026-10-12'),
        value: 20,
        numerator: 20,
        denominator: 100,
        source: 'manual',
      },
    })
    // Same, but the linked measure has no observation in the window.
    const noData = await insertCycle(db, { ...scopeA(), title: 'No data yet' })
    const otherMeasure = await insertMeasure(db, world.district.id)
    await db.pdsaCycle.update({
      where: { id: noData.id },
      data: {
        stage: 'do',
        plannedEnd: new Date('2026-11-30'),
        lastEditedAt: new Date('2026-10-19T09:00:00Z'),
        questions: { create: [{ position: 0, question: 'Q', prediction: 'P' }] },
        measures: { create: [{ measureId: otherMeasure.id, expectedDirection: 'decrease' }] },
      },
    })

    const portfolio = await callerFor(db, world.actors.coach, { app }).coach.portfolio()
    expect(portfolio.today).toBe('2026-10-20')
    expect(portfolio.teams.map((t) => t.id)).toEqual([world.teamA.id])
    const byTitle = new Map(portfolio.cycles.map((c) => [c.title, c]))
    expect(byTitle.get('With data')?.checks).toEqual([])
    expect(byTitle.get('With data')?.daysSinceEdit).toBe(3)
    expect(byTitle.get('No data yet')?.checks.map((c) => c.kind)).toEqual(['no_data_in_window'])
    // world.cycle: no question, no measure; overdue (planned end 2026-10-16, still in plan); one open request.
    const base = portfolio.cycles.find((c) => c.id === world.cycle.id)
    expect(base?.checks.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['no_prediction', 'no_linked_measure', 'overdue']),
    )
    expect(base?.openFeedback).toBe(1)
    expect(base).toMatchObject({
      team: { id: world.teamA.id },
      school: { id: world.schoolA.id },
      stage: 'plan',
    })
    expect(base?.changeIdea?.id).toBe(world.changeIdea.id)
    const [team] = portfolio.teams
    expect(team).toMatchObject({
      cycleCount: 3,
      cyclesByStage: { plan: 1, do: 2, study: 0, act: 0, complete: 0 },
      needsAttention: 2,
      openFeedback: 1,
    })
    expect(portfolio.totals).toEqual({
      teams: 1,
      cycles: 3,
      needsAttention: 2,
      openFeedback: 1,
      awaitingReview: 0,
    })
    const json = JSON.stringify(portfolio)
    for (const id of [other.cycle.id, other.teamA.id, world.teamB.id]) expect(json).not.toContain(id)
  })

  it('measures each team’s prediction calibration from its quantified predictions and results', async () => {
    const db = database.db
    const cycle = await insertCycle(db, { ...scopeA(), title: 'Calibrated' })
    await db.cycleQuestion.createMany({
      data: [
        // Within ±10% of 20 (tolerance 2): matched.
        {
          cycleId: cycle.id,
          position: 0,
          question: 'a',
          measureId: world.measure.id,
          predictedValue: 20,
          resultValue: 21.5,
        },
        // Outside the range: not matched.
        {
          cycleId: cycle.id,
          position: 1,
          question: 'b',
          predictedMin: 10,
          predictedMax: 15,
          resultValue: 18,
        },
        // Inside the range: matched.
        {
          cycleId: cycle.id,
          position: 2,
          question: 'c',
          predictedMin: 10,
          predictedMax: 15,
          resultValue: 12,
        },
        // Small value: the 1-point floor of percent measures applies (|4.8 − 4| ≤ 1): matched.
        {
          cycleId: cycle.id,
          position: 3,
          question: 'd',
          measureId: world.measure.id,
          predictedValue: 4,
          resultValue: 4.8,
        },
        // No result yet, or no quantified prediction: not counted.
        { cycleId: cycle.id, position: 4, question: 'e', predictedValue: 30 },
        { cycleId: cycle.id, position: 5, question: 'f', resultValue: 3 },
      ],
    })
    const portfolio = await callerFor(db, world.actors.coach, { app }).coach.portfolio()
    expect(portfolio.teams[0]?.calibration).toEqual({ total: 4, matched: 3, share: 0.75 })
    expect(portfolio.calibrationRule).toMatch(/±10%/)
  })

  it('covers the teams of coached schools and the whole district, in a fixed number of queries', async () => {
    const db = database.db
    const extra = await Promise.all(
      Array.from({ length: 5 }, (_, i) => insertTeam(db, world.district.id, world.schoolB.id, `Team ${i}`)),
    )
    for (const t of extra) {
      await insertCycle(db, { districtId: world.district.id, schoolId: world.schoolB.id, teamId: t.id })
    }
    const districtCoach = await insertUser(db, world.district.id, [{ role: 'coach' }])
    // Both calls start without the district's cached figures and series releases, so both compute them.
    clearDistrictDerivedCache()
    clearReleaseCache()
    const counted = countingQueries(db)
    const portfolio = await callerFor(counted.db, await actorFor(db, districtCoach.id), {
      app,
    }).coach.portfolio()
    const forSeven = counted.count()
    expect(portfolio.teams).toHaveLength(2 + extra.length)
    clearDistrictDerivedCache()
    clearReleaseCache()
    const countedOne = countingQueries(db)
    await callerFor(countedOne.db, world.actors.coach, { app }).coach.portfolio()
    expect(forSeven).toBeGreaterThanOrEqual(4)
    expect(forSeven).toBe(countedOne.count())
    expect(portfolio.cycles.filter((c) => c.school.id === world.schoolB.id)).toHaveLength(extra.length)
    expect(JSON.stringify(portfolio)).not.toContain(other.district.id)
    // With the figures cached (the data unchanged), only the data version query replaces their computation.
    const warm = countingQueries(db)
    await callerFor(warm.db, world.actors.coach, { app }).coach.portfolio()
    expect(warm.count()).toBeLessThan(countedOne.count())
  })

  it('recomputes verdicts when the data changes (district data version)', async () => {
    const db = database.db
    const before = await callerFor(db, world.actors.coach, { app }).coach.portfolio()
    expect(before.cycles.some((c) => c.verdicts.length > 0)).toBe(true)
    const again = await callerFor(db, world.actors.coach, { app }).coach.portfolio()
    expect(again.cycles.map((c) => c.verdicts)).toEqual(before.cycles.map((c) => c.verdicts))
    // Unlink every measure of the coach's cycles: their verdicts must disappear at once.
    await db.cycleMeasure.deleteMany({ where: { cycleId: { in: before.cycles.map((c) => c.id) } } })
    const after = await callerFor(db, world.actors.coach, { app }).coach.portfolio()
    expect(after.cycles.every((c) => c.verdicts.length === 0)).toBe(true)
  })

  it('computes only the derived figures a screen asks for, each once while the data is unchanged', async () => {
    const db = database.db
    clearDistrictDerivedCache()
    const first = countingQueries(db)
    const { verdicts } = await districtDerived(first.db, world.actors.coach, ['verdicts'])
    const verdictQueries = first.count()
    expect(verdicts.size).toBeGreaterThan(0)
    // Gap verdicts come later, at their own cost; the verdicts already computed are not recomputed.
    const second = countingQueries(db)
    const both = await districtDerived(second.db, world.actors.coach, ['verdicts', 'gaps'])
    expect(both.verdicts).toBe(verdicts)
    expect(both.gaps.size).toBeGreaterThan(0)
    expect(second.count()).toBeGreaterThan(1)
    // Everything asked for before is cached: only the data version query.
    const third = countingQueries(db)
    const cached = await districtDerived(third.db, world.actors.coach, ['gaps', 'verdicts'])
    expect(third.count()).toBe(1)
    expect(cached.gaps).toBe(both.gaps)
    expect(verdictQueries).toBeGreaterThan(1)
  })

  it('is only for coaches', async () => {
    for (const key of ['admin', 'leader', 'lead', 'member', 'viewer', 'principal'] as const) {
      await expect(
        callerFor(database.db, world.actors[key], { app }).coach.portfolio(),
        key,
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('lets the coach leave feedback that requires a response, which then counts as open', async () => {
    const caller = callerFor(database.db, world.actors.coach, { app })
    const target = (await caller.coach.portfolio()).cycles.find((c) => c.title === 'With data')
    expect(target?.openFeedback).toBe(0)
    await caller.comment.create({
      cycleId: target?.id ?? null,
      body: 'What did families say?',
      requiresResponse: true,
    })
    const after = (await caller.coach.portfolio()).cycles.find((c) => c.id === target?.id)
    expect(after?.openFeedback).toBe(1)
  })

  it('keeps replied feedback open, as a reply for the coach to review, until the coach accepts it', async () => {
    const coach = callerFor(database.db, world.actors.coach, { app })
    const lead = callerFor(database.db, world.actors.lead, { app })
    const cycle = await insertCycle(database.db, { ...scopeA(), title: 'Feedback loop' })
    const asked = await coach.comment.create({
      cycleId: cycle.id,
      body: 'Who calls?',
      requiresResponse: true,
    })
    await lead.comment.create({ cycleId: cycle.id, parentId: asked.id, body: 'Ana does.' })
    const row = async () => (await coach.coach.portfolio()).cycles.find((c) => c.id === cycle.id)
    expect(await row()).toMatchObject({ openFeedback: 0, awaitingReview: 1 })
    expect((await coach.coach.portfolio()).totals.awaitingReview).toBe(1)
    await coach.comment.acceptReply({ id: asked.id })
    expect(await row()).toMatchObject({ openFeedback: 0, awaitingReview: 0 })
  })
})
