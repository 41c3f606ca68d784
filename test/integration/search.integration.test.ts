import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertCycle, insertMeasure, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
let mentoringB: string
let rampA: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
  const db = database.db
  // world.cycle (team A): "Family text nudges after the 2nd absence"; give it narrative and a question.
  await db.pdsaCycle.update({
    where: { id: world.cycle.id },
    data: {
      objectiveText: 'Learn whether a personal text message brings students back sooner.',
      questions: {
        create: [
          { position: 0, question: 'Do families answer?', prediction: 'Most parents reply within a day.' },
        ],
      },
    },
  })
  // A ramp on team A: cycle 2 follows world.cycle, linked to the chronic-absence measure for Black students.
  const ramp = await insertCycle(db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
    goalId: world.goal.id,
    title: 'Text nudges for the whole grade',
  })
  await db.pdsaCycle.update({
    where: { id: ramp.id },
    data: {
      previousCycleId: world.cycle.id,
      cycleNumber: 2,
      scale: 'All of grade 7',
      stage: 'complete',
      decision: 'adopt',
      studyText: 'Attendance of mentored students rose; the gap narrowed.',
      measures: {
        create: [
          { measureId: world.measure.id, studentGroupId: world.groups.AA.id, expectedDirection: 'decrease' },
        ],
      },
    },
  })
  rampA = ramp.id
  // Team B (another school) tested mentoring, with its own measure.
  const mentoring = await insertCycle(db, {
    districtId: world.district.id,
    schoolId: world.schoolB.id,
    teamId: world.teamB.id,
    title: 'Check-in/check-out mentoring',
  })
  const odr = await insertMeasure(db, world.district.id, { code: 'ODR' })
  // Ten baseline weeks near 30%, then six weeks at 10% inside the cycle window: a clear improvement.
  const weeks = Array.from({ length: 16 }, (_, i) => new Date(Date.UTC(2026, 7, 3 + 7 * i)))
  await db.observation.createMany({
    data: weeks.map((period, i) => {
      const numerator = i < 10 ? ([28, 31, 30, 32, 29, 30, 31, 28, 30, 29][i] ?? 30) : 10
      return {
        districtId: world.district.id,
        measureId: odr.id,
        schoolId: world.schoolB.id,
        studentGroupId: world.groups.ALL.id,
        period,
        value: numerator,
        numerator,
        denominator: 100,
        source: 'manual' as const,
      }
    }),
  })
  await db.pdsaCycle.update({
    where: { id: mentoring.id },
    data: {
      hypothesisText: 'A daily adult check-in lowers referrals and absences.',
      plannedStart: new Date('2026-10-12'),
      plannedEnd: new Date('2026-11-16'),
      stage: 'study',
      measures: { create: [{ measureId: odr.id, expectedDirection: 'decrease' }] },
    },
  })
  mentoringB = mentoring.id
  // The other district has a cycle with the same words: it must never show up.
  await db.pdsaCycle.update({
    where: { id: other.cycle.id },
    data: { objectiveText: 'family text mentoring' },
  })
})
afterAll(() => database.close())

describe('search.cycles', () => {
  it('finds cycles by any worksheet text across the district’s schools, best match first', async () => {
    const caller = callerFor(database.db, world.actors.otherTeamMember)
    const texts = await caller.search.cycles({ q: 'text nudges' })
    expect(texts.cycles.map((c) => c.id)).toEqual(expect.arrayContaining([world.cycle.id, rampA]))
    expect(texts.cycles.map((c) => c.id)).not.toContain(mentoringB)
    // Stemming: "parents reply" matches "Most parents reply within a day." in a question's prediction.
    const replies = await caller.search.cycles({ q: 'parent replied' })
    expect(replies.cycles.map((c) => c.id)).toEqual([world.cycle.id])
    expect(replies.cycles[0]?.snippet).toContain('[[[parents]]]')
    const narrowed = await caller.search.cycles({ q: '"gap narrowed"' })
    expect(narrowed.cycles.map((c) => c.id)).toEqual([rampA])
    expect(narrowed.cycles[0]).toMatchObject({
      cycleNumber: 2,
      isRamp: true,
      scale: 'All of grade 7',
      decision: 'adopt',
      school: { id: world.schoolA.id },
      team: { id: world.teamA.id },
      changeIdea: null,
    })
  })

  it('returns summaries to every district user, marking what they may open', async () => {
    // "mentoring" also finds "mentored students" (English stemming), on the other team's cycle.
    const asB = await callerFor(database.db, world.actors.otherTeamMember).search.cycles({ q: 'mentoring' })
    expect(new Map(asB.cycles.map((c) => [c.id, c.canOpen]))).toEqual(
      new Map([
        [mentoringB, true],
        [rampA, false],
      ]),
    )
    // The title match weighs more than a match in the study notes.
    expect(asB.cycles[0]?.id).toBe(mentoringB)
    // The result is part of the summary for everyone; the sentence with its numbers only for its readers.
    const verdictOf = (r: typeof asB, id: string) => r.cycles.find((c) => c.id === id)?.verdicts[0]
    expect(verdictOf(asB, mentoringB)).toMatchObject({
      verdict: 'improved',
      message: expect.stringMatching(/\w/),
    })
    const asA = await callerFor(database.db, world.actors.member).search.cycles({ q: 'mentoring' })
    expect(verdictOf(asA, mentoringB)).toMatchObject({ verdict: 'improved', message: '' })
    expect(new Map(asA.cycles.map((c) => [c.id, c.canOpen]))).toEqual(
      new Map([
        [mentoringB, false],
        [rampA, true],
      ]),
    )
    const json = JSON.stringify(
      await callerFor(database.db, other.actors.leader).search.cycles({ q: 'mentoring' }),
    )
    for (const id of [mentoringB, world.cycle.id, world.district.id]) expect(json).not.toContain(id)
  })

  it('filters by student group (linked measure or goal focal group), measure and stage', async () => {
    const caller = callerFor(database.db, world.actors.leader)
    const byGroup = await caller.search.cycles({ studentGroupId: world.groups.AA.id })
    // Both team A cycles serve the goal for Black students; the mentoring cycle has no goal.
    expect(byGroup.cycles.map((c) => c.id).sort()).toEqual([world.cycle.id, rampA].sort())
    const byMeasure = await caller.search.cycles({ measureId: world.measure.id })
    expect(byMeasure.cycles.map((c) => c.id)).toEqual([rampA])
    const byStage = await caller.search.cycles({ q: 'text', stage: 'complete' })
    const improved = await caller.search.cycles({ verdict: 'improved' })
    expect(improved.cycles.map((c) => c.id)).toEqual([mentoringB])
    expect(improved.cycles[0]?.verdicts).toEqual([expect.objectContaining({ verdict: 'improved' })])
    // rampA links a measure without data: not enough data; none has "worsened".
    expect((await caller.search.cycles({ verdict: 'not_enough_data' })).cycles.map((c) => c.id)).toEqual([
      rampA,
    ])
    expect((await caller.search.cycles({ verdict: 'worsened' })).cycles).toEqual([])
    expect(byStage.cycles.map((c) => c.id)).toEqual([rampA])
    expect(byStage.changeIdeas).toEqual([])
    expect(byGroup.facets.studentGroups.map((g) => g.name)).toContain('English learners')
    expect(byGroup.facets.measures.length).toBeGreaterThanOrEqual(2)
  })

  it('finds change ideas by title and description', async () => {
    const result = await callerFor(database.db, world.actors.otherTeamMember).search.cycles({
      q: 'families absence',
    })
    expect(result.changeIdeas).toEqual([
      expect.objectContaining({
        id: world.changeIdea.id,
        cycleCount: 1,
        canOpen: false,
        school: { id: world.schoolA.id, name: world.schoolA.name },
      }),
    ])
  })

  it('lists every cycle newest first without words, pages with hasMore, and survives odd input', async () => {
    const caller = callerFor(database.db, world.actors.viewer)
    const all = await caller.search.cycles({ limit: 2 })
    expect(all.cycles).toHaveLength(2)
    expect(all.hasMore).toBe(true)
    for (const q of ['the', '"unclosed', 'a -b or', "'); DROP TABLE x; --", '!!! :* &']) {
      await expect(caller.search.cycles({ q }), q).resolves.toBeDefined()
    }
    await expect(caller.search.cycles({ q: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(caller.search.cycles({ limit: 500 })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
