// Stage transitions with confirmed dates, and the team lead's one-stage move back (ADR 025).
import type { Actor } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let away: World

const NOW = new Date('2026-11-20T15:30:00Z')
const api = (actor: Actor) => callerFor(database.db, actor, { app: { now: () => NOW } })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Lakeside')
  away = await createWorld(database.db, 'Faraway')
})
afterAll(() => database.close())

/** A cycle planned for Nov 2–13, ready to move to Do (objective, a question with its prediction). */
async function readyCycle() {
  const member = api(world.actors.member)
  const { id } = await member.cycle.create({
    teamId: world.teamA.id,
    title: 'Greet at the door',
    plannedStart: '2026-11-02',
    plannedEnd: '2026-11-13',
  })
  await member.cycle.updateNarrative({ id, section: 'objective', text: 'Learn whether greetings help.' })
  await member.cycle.saveQuestions({
    id,
    questions: [{ question: 'Will tardies fall?', prediction: 'By a third.' }],
  })
  return id
}

const row = (id: string) => database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null
const errorOf = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as Record<string, never>)

describe('moving forward with confirmed dates', () => {
  it('records the actual start the team confirmed, not today, and audits the dates', async () => {
    const id = await readyCycle()
    await api(world.actors.member).cycle.transition({ id, to: 'do', actualStart: '2026-11-02' })
    const cycle = await row(id)
    expect(day(cycle.actualStart)).toBe('2026-11-02')
    expect(cycle.predictionsLockedAt).toEqual(NOW)
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: 'cycle.transition' },
    })
    expect(audit.before).toEqual({ stage: 'plan', actualStart: null })
    expect(audit.after).toMatchObject({ stage: 'do', actualStart: '2026-11-02' })
  })

  it('refuses a start in the future or absurdly before the planned start, writing nothing', async () => {
    const id = await readyCycle()
    const future = await errorOf(
      api(world.actors.member).cycle.transition({ id, to: 'do', actualStart: '2026-11-21' }),
    )
    expect(future).toMatchObject({ code: 'PRECONDITION_FAILED' })
    expect(future?.cause).toMatchObject({
      meta: { fieldErrors: { actualStart: ['The test cannot have started after today.'] } },
    })
    const early = await errorOf(
      api(world.actors.member).cycle.transition({ id, to: 'do', actualStart: '2026-08-01' }),
    )
    expect(early?.cause).toMatchObject({
      meta: {
        fieldErrors: {
          actualStart: [
            'The actual start is 93 days before the planned start: change the planned dates first if the test really started then.',
          ],
        },
      },
    })
    const wrongField = await errorOf(
      api(world.actors.member).cycle.transition({ id, to: 'do', actualEnd: '2026-11-10' }),
    )
    expect(wrongField?.cause).toMatchObject({
      meta: { fieldErrors: { actualEnd: ['Moving to Do does not set the actual end.'] } },
    })
    const cycle = await row(id)
    expect(cycle.stage).toBe('plan')
    expect(cycle.actualStart).toBeNull()
    expect(cycle.predictionsLockedAt).toBeNull()
  })

  it('refuses an actual end before the actual start, or after today', async () => {
    const id = await readyCycle()
    const member = api(world.actors.member)
    await member.cycle.transition({ id, to: 'do', actualStart: '2026-11-04' })
    await member.cycle.update({ id, carriedOutAsPlanned: true })
    await member.cycle.updateNarrative({ id, section: 'do', text: 'Done every day.' })
    const before = await errorOf(member.cycle.transition({ id, to: 'study', actualEnd: '2026-11-03' }))
    expect(before?.cause).toMatchObject({
      meta: {
        fieldErrors: { actualEnd: ['The actual end cannot be before the test started (2026-11-04).'] },
      },
    })
    const after = await errorOf(member.cycle.transition({ id, to: 'study', actualEnd: '2026-12-01' }))
    expect(after?.cause).toMatchObject({
      meta: { fieldErrors: { actualEnd: ['The test cannot have ended after today.'] } },
    })
    await member.cycle.transition({ id, to: 'study', actualEnd: '2026-11-13' })
    expect(day((await row(id)).actualEnd)).toBe('2026-11-13')
  })
})

describe('moving back one stage', () => {
  it('lets the team lead move Do back to Plan with a reason; predictions stay locked; history keeps it', async () => {
    const id = await readyCycle()
    await api(world.actors.member).cycle.transition({ id, to: 'do', actualStart: '2026-11-03' })
    const lockedAt = (await row(id)).predictionsLockedAt
    const result = await api(world.actors.lead).cycle.moveBack({
      id,
      from: 'do',
      reason: 'We pressed Move to Do a week early; the test starts Monday.',
    })
    expect(result.stage).toBe('plan')
    const cycle = await row(id)
    expect(cycle.stage).toBe('plan')
    expect(cycle.actualStart).toBeNull()
    expect(cycle.predictionsLockedAt).toEqual(lockedAt)

    const view = await api(world.actors.member).cycle.byId({ id })
    expect(view.predictionsLocked).toBe(true)
    expect(view.snapshots.map((s) => [s.fromStage, s.toStage, s.reason])).toEqual([
      ['plan', 'do', null],
      ['do', 'plan', 'We pressed Move to Do a week early; the test starts Monday.'],
    ])
    const [q] = view.questions
    const changed = await errorOf(
      api(world.actors.member).cycle.saveQuestions({
        id,
        questions: [{ id: q!.id, question: q!.question, prediction: 'By half.' }],
      }),
    )
    expect(changed).toMatchObject({ code: 'PRECONDITION_FAILED' })

    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: 'cycle.move_back' },
    })
    expect(audit.before).toEqual({ stage: 'do', actualStart: '2026-11-03' })
    expect(audit.after).toMatchObject({
      stage: 'plan',
      reason: 'We pressed Move to Do a week early; the test starts Monday.',
    })
    // Forward again: a new start date, the original lock time kept.
    await api(world.actors.member).cycle.transition({ id, to: 'do', actualStart: '2026-11-16' })
    const again = await row(id)
    expect(day(again.actualStart)).toBe('2026-11-16')
    expect(again.predictionsLockedAt).toEqual(lockedAt)
  })

  it('reopens a completed cycle to Act and puts its change idea back to testing', async () => {
    const idea = await database.db.changeIdea.create({
      data: {
        districtId: world.district.id,
        goalId: world.goal.id,
        teamId: world.teamA.id,
        title: 'Door greetings',
        status: 'adopted',
      },
    })
    const id = await readyCycle()
    await database.db.pdsaCycle.update({
      where: { id },
      data: { stage: 'complete', decision: 'adopt', changeIdeaId: idea.id },
    })
    await api(world.actors.lead).cycle.moveBack({
      id,
      from: 'complete',
      reason: 'The spread plan was wrong.',
    })
    expect((await row(id)).stage).toBe('act')
    expect((await database.db.changeIdea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe(
      'testing',
    )
  })

  it('requires a reason, refuses Plan, and refuses a stale stage', async () => {
    const id = await readyCycle()
    await expect(
      api(world.actors.lead).cycle.moveBack({ id, from: 'plan', reason: 'No reason at all here.' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' })
    await api(world.actors.member).cycle.transition({ id, to: 'do' })
    await expect(
      api(world.actors.lead).cycle.moveBack({ id, from: 'do', reason: '  ' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(
      api(world.actors.lead).cycle.moveBack({ id, from: 'study', reason: 'Someone else saw Study.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await row(id)).stage).toBe('do')
  })

  it('refuses every role but the team lead, and other districts', async () => {
    const id = await readyCycle()
    await api(world.actors.member).cycle.transition({ id, to: 'do' })
    const input = { id, from: 'do' as const, reason: 'Trying to move it back.' }
    for (const who of ['member', 'admin', 'leader', 'coach', 'viewer', 'otherTeamMember'] as const) {
      await expect(api(world.actors[who]).cycle.moveBack(input)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(api(away.actors.lead).cycle.moveBack(input)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await row(id)).stage).toBe('do')
    expect((await api(world.actors.member).cycle.byId({ id })).canMoveBack).toBe(false)
    expect((await api(world.actors.lead).cycle.byId({ id })).canMoveBack).toBe(true)
  })
})
