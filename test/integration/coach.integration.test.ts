import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorFor, createWorld, insertCycle, insertUser, type World } from '../factories/index.ts'
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

describe('coach.overview', () => {
  it('shows the coach’s teams with goals, cycles by stage, cycles needing attention and open feedback', async () => {
    const scope = { districtId: world.district.id, schoolId: world.schoolA.id, teamId: world.teamA.id }
    // A well-formed cycle: a prediction, a linked measure, small scale, edited today, not overdue.
    const good = await insertCycle(database.db, { ...scope, goalId: world.goal.id, title: 'Well planned' })
    await database.db.pdsaCycle.update({
      where: { id: good.id },
      data: {
        plannedEnd: new Date('2099-01-01'),
        questions: { create: [{ position: 0, question: 'Will families reply?', prediction: 'Half will.' }] },
        measures: { create: [{ measureId: world.measure.id, expectedDirection: 'decrease' }] },
      },
    })
    const done = await insertCycle(database.db, { ...scope, title: 'Done and adopted' })
    await database.db.pdsaCycle.update({
      where: { id: done.id },
      data: { stage: 'complete', decision: 'adopt' },
    })
    // A resolved request and a plain comment do not count as open feedback.
    await database.db.comment.createMany({
      data: [
        {
          districtId: world.district.id,
          cycleId: world.cycle.id,
          authorId: world.users.coach.id,
          body: 'Resolved',
          requiresResponse: true,
          resolvedAt: new Date(),
        },
        {
          districtId: world.district.id,
          cycleId: world.cycle.id,
          authorId: world.users.coach.id,
          body: 'FYI',
        },
        {
          districtId: world.district.id,
          goalId: world.goal.id,
          authorId: world.users.coach.id,
          body: 'Which group?',
          requiresResponse: true,
        },
      ],
    })

    const overview = await callerFor(database.db, world.actors.coach).coach.overview()
    expect(overview.teams).toHaveLength(1)
    const [team] = overview.teams
    expect(team).toMatchObject({
      id: world.teamA.id,
      school: { id: world.schoolA.id },
      goalCount: 1,
      cyclesByStage: { plan: 2, do: 0, study: 0, act: 0, complete: 1 },
    })
    // world.cycle has no question and no linked measure; the well-planned and completed ones are fine.
    expect(team?.needsAttention.count).toBe(1)
    expect(team?.needsAttention.cycles[0]).toMatchObject({ id: world.cycle.id })
    expect(team?.needsAttention.cycles[0]?.checks.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['no_prediction', 'no_linked_measure']),
    )
    expect(team?.openFeedback.count).toBe(2)
    expect(team?.openFeedback.items.map((i) => i.id)).toContain(world.comment.id)
    expect(overview.totals).toEqual({ teams: 1, needsAttention: 1, openFeedback: 2 })
  })

  it('covers every team of a coached school, or of the district for district coaches', async () => {
    const schoolCoach = await insertUser(database.db, world.district.id, [
      { role: 'coach', schoolId: world.schoolB.id },
    ])
    const districtCoach = await insertUser(database.db, world.district.id, [{ role: 'coach' }])
    const bySchool = await callerFor(
      database.db,
      await actorFor(database.db, schoolCoach.id),
    ).coach.overview()
    expect(bySchool.teams.map((t) => t.id)).toEqual([world.teamB.id])
    const all = await callerFor(database.db, await actorFor(database.db, districtCoach.id)).coach.overview()
    expect(all.teams.map((t) => t.id).sort()).toEqual([world.teamA.id, world.teamB.id].sort())
    expect(JSON.stringify(all)).not.toContain(other.teamA.id)
  })

  it('is only for coaches', async () => {
    for (const key of ['admin', 'leader', 'lead', 'member', 'viewer', 'principal'] as const) {
      await expect(callerFor(database.db, world.actors[key]).coach.overview(), key).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    }
  })
})
