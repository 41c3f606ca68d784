// The worksheet's list parts save themselves (ADR 032): each save names the version of the list it was
// based on, returns the new version and the ids of the rows (new rows get theirs), and a save based on an
// older version — a teammate saved first — is refused with CONFLICT and changes nothing.
import type { Actor } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World

const NOW = new Date('2026-10-20T09:00:00Z')
const api = (actor: Actor) => callerFor(database.db, actor, { app: { now: () => NOW } })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
})
afterAll(() => database.close())

async function newCycle(title: string) {
  return api(world.actors.member).cycle.create({
    teamId: world.teamA.id,
    title,
    goalId: world.goal.id,
    purpose: 'test_a_change',
    scale: 'One advisory class',
    plannedStart: '2026-11-02',
    plannedEnd: '2026-11-13',
  })
}

describe('questions', () => {
  it('returns the ids and the next version; a second save based on it goes through', async () => {
    const member = api(world.actors.member)
    const { id } = await newCycle('Questions versions')
    expect((await member.cycle.byId({ id })).listVersions).toEqual({ questions: 0, tasks: 0, measures: 0 })
    const first = await member.cycle.saveQuestions({
      id,
      expectedVersion: 0,
      questions: [{ question: 'Will tardies drop?' }],
    })
    expect(first.version).toBe(1)
    expect(first.ids).toHaveLength(1)
    const second = await member.cycle.saveQuestions({
      id,
      expectedVersion: 1,
      questions: [
        { id: first.ids[0], question: 'Will tardies drop?', prediction: 'A little.' },
        { question: 'Do students notice?' },
      ],
    })
    expect(second.version).toBe(2)
    expect(second.ids[0]).toBe(first.ids[0])
    const read = await member.cycle.byId({ id })
    expect(read.questions.map((q) => q.id)).toEqual(second.ids)
    expect(read.listVersions.questions).toBe(2)
  })

  it('refuses a save based on an older version and keeps the teammate’s questions', async () => {
    const { id } = await newCycle('Questions conflict')
    const member = api(world.actors.member)
    const lead = api(world.actors.lead)
    await member.cycle.saveQuestions({ id, expectedVersion: 0, questions: [{ question: 'Mine' }] })
    await expect(
      lead.cycle.saveQuestions({ id, expectedVersion: 0, questions: [{ question: 'Theirs' }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const read = await member.cycle.byId({ id })
    expect(read.questions.map((q) => q.question)).toEqual(['Mine'])
    expect(read.listVersions.questions).toBe(1)
    expect(
      await database.db.auditEvent.count({ where: { entityId: id, action: 'cycle.save_questions' } }),
    ).toBe(1)
  })

  it('of two saves sent at once from the same version, exactly one goes through', async () => {
    const { id } = await newCycle('Questions race')
    const results = await Promise.allSettled([
      api(world.actors.member).cycle.saveQuestions({
        id,
        expectedVersion: 0,
        questions: [{ question: 'A' }],
      }),
      api(world.actors.lead).cycle.saveQuestions({ id, expectedVersion: 0, questions: [{ question: 'B' }] }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected')
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'CONFLICT' })
    const read = await api(world.actors.member).cycle.byId({ id })
    expect(read.questions).toHaveLength(1)
    expect(read.listVersions.questions).toBe(1)
  })

  it('does not move the version when nothing changed', async () => {
    const { id } = await newCycle('Questions unchanged')
    const member = api(world.actors.member)
    const saved = await member.cycle.saveQuestions({
      id,
      expectedVersion: 0,
      questions: [{ question: 'Same' }],
    })
    const again = await member.cycle.saveQuestions({
      id,
      expectedVersion: saved.version,
      questions: [{ id: saved.ids[0], question: 'Same' }],
    })
    expect(again).toEqual(saved)
  })
})

describe('tasks and linked measures', () => {
  it('version tasks the same way', async () => {
    const { id } = await newCycle('Tasks versions')
    const member = api(world.actors.member)
    const saved = await member.cycle.saveTasks({
      id,
      expectedVersion: 0,
      tasks: [{ what: 'Print the cards' }],
    })
    expect(saved).toMatchObject({ version: 1, ids: [expect.any(String)] })
    await expect(
      api(world.actors.lead).cycle.saveTasks({ id, expectedVersion: 0, tasks: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await member.cycle.byId({ id })).tasks.map((t) => t.what)).toEqual(['Print the cards'])
  })

  it('version linked measures the same way', async () => {
    const { id } = await newCycle('Measures versions')
    const member = api(world.actors.member)
    const saved = await member.cycle.saveMeasures({
      id,
      expectedVersion: 0,
      measures: [{ measureId: world.measure.id, expectedDirection: 'decrease' }],
    })
    expect(saved.version).toBe(1)
    await expect(
      api(world.actors.lead).cycle.saveMeasures({ id, expectedVersion: 0, measures: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const read = await member.cycle.byId({ id })
    expect(read.measures.map((m) => m.measureId)).toEqual([world.measure.id])
    expect(read.listVersions).toEqual({ questions: 0, tasks: 0, measures: 1 })
  })
})
