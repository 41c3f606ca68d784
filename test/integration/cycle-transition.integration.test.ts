import type { Actor, CycleSnapshotContent } from '@pdsa/domain'
import { documentTexts } from '@pdsa/domain/collab'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World

const NOW = new Date('2026-11-03T15:30:00Z')
const api = (actor: Actor) => callerFor(database.db, actor, { app: { now: () => NOW } })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
})
afterAll(() => database.close())

/** A cycle in Plan on a change idea still in status `idea`, with a linked measure. */
async function plannedCycle() {
  const idea = await database.db.changeIdea.create({
    data: {
      districtId: world.district.id,
      goalId: world.goal.id,
      teamId: world.teamA.id,
      title: 'Door greetings',
    },
  })
  const member = api(world.actors.member)
  const { id } = await member.cycle.create({
    teamId: world.teamA.id,
    title: 'Greet at the door',
    changeIdeaId: idea.id,
    plannedStart: '2026-11-02',
    plannedEnd: '2026-11-13',
  })
  await member.cycle.saveMeasures({
    id,
    measures: [{ measureId: world.measure.id, expectedDirection: 'decrease' }],
  })
  return { id, ideaId: idea.id }
}

async function readyForDo(id: string) {
  const member = api(world.actors.member)
  await member.cycle.updateNarrative({
    id,
    section: 'objective',
    text: 'Learn whether greetings reduce tardies.',
  })
  await member.cycle.saveQuestions({
    id,
    questions: [
      {
        question: 'Will chronic absence fall?',
        prediction: 'By about 2 points.',
        measureId: world.measure.id,
        predictedValue: 34,
      },
      { question: 'Will students notice?', prediction: 'Most will.' },
    ],
  })
}

describe('cycle.transition', () => {
  it('refuses Plan → Do listing every problem, and writes nothing', async () => {
    const { id } = await plannedCycle()
    await api(world.actors.member).cycle.saveQuestions({ id, questions: [{ question: 'Will it work?' }] })
    const error = await api(world.actors.member)
      .cycle.transition({ id, to: 'do' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED' })
    const { message, cause } = error as {
      message: string
      cause: { meta: { fieldErrors: Record<string, string[]> } }
    }
    expect(message).toContain('This cycle cannot move to Do yet:')
    expect(cause.meta.fieldErrors).toEqual({
      'questions.0.prediction': ['Write a prediction for question 1 before the test starts.'],
      objective: ['State the objective of the cycle.'],
    })
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
    expect(row.stage).toBe('plan')
    expect(row.actualStart).toBeNull()
    expect(await database.db.cycleSnapshot.count({ where: { cycleId: id } })).toBe(0)
  })

  it('refuses to skip a stage', async () => {
    const { id } = await plannedCycle()
    await readyForDo(id)
    await expect(api(world.actors.member).cycle.transition({ id, to: 'study' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This cycle cannot move to Study yet: A cycle in plan can only move to do.',
    })
  })

  it('moves Plan → Do: snapshot of the predictions, actual start, idea becomes testing', async () => {
    const { id, ideaId } = await plannedCycle()
    await readyForDo(id)
    const result = await api(world.actors.lead).cycle.transition({ id, to: 'do' })
    expect(result.stage).toBe('do')
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
    expect(row.stage).toBe('do')
    expect(row.actualStart?.toISOString().slice(0, 10)).toBe('2026-11-03')
    expect(row.stageChangedAt).toEqual(NOW)
    const snapshot = await database.db.cycleSnapshot.findUniqueOrThrow({ where: { id: result.snapshotId } })
    expect(snapshot).toMatchObject({
      fromStage: 'plan',
      toStage: 'do',
      takenById: world.users.lead.id,
    })
    // No collaborative document was ever opened: the Yjs state is the one the text columns seed.
    const state = new Y.Doc()
    Y.applyUpdate(state, snapshot.yState as Uint8Array)
    expect(documentTexts(state).objective).toBe('Learn whether greetings reduce tardies.')
    const content = snapshot.content as unknown as CycleSnapshotContent
    expect(content.texts.objective).toBe('Learn whether greetings reduce tardies.')
    expect(content.questions.map((q) => [q.prediction, q.predictedValue])).toEqual([
      ['By about 2 points.', 34],
      ['Most will.', null],
    ])
    expect(content.measures[0]?.measure).toBe('Chronic absence rate (to date)')
    expect(content.header.actualStart).toBe('2026-11-03')
    expect((await database.db.changeIdea.findUniqueOrThrow({ where: { id: ideaId } })).status).toBe('testing')
    const audits = await database.db.auditEvent.findMany({ where: { entityId: { in: [id, ideaId] } } })
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['cycle.transition', 'change_idea.update']),
    )
    const view = await api(world.actors.viewer).cycle.byId({ id })
    expect(view.predictionsLocked).toBe(true)
    expect(view.predictionsLockedOn).toBe('2026-11-03')
    expect(view.snapshots).toHaveLength(1)
    const opened = await api(world.actors.viewer).cycle.snapshotById({ id: result.snapshotId })
    expect(opened.content.questions).toHaveLength(2)
  })

  it('locks predictions after Plan: only results may change', async () => {
    const { id } = await plannedCycle()
    await readyForDo(id)
    const member = api(world.actors.member)
    await member.cycle.transition({ id, to: 'do' })
    const [q1, q2] = (await member.cycle.byId({ id })).questions
    const keep = (q: NonNullable<typeof q1>) => ({
      id: q.id,
      question: q.question,
      prediction: q.prediction,
      measureId: q.measureId,
      predictedValue: q.predictedValue,
    })
    const changed = await member.cycle
      .saveQuestions({ id, questions: [{ ...keep(q1!), prediction: 'By 5 points.' }, keep(q2!)] })
      .catch((e: unknown) => e)
    expect(changed).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('The predictions were locked when the test started'),
    })
    expect((changed as { cause: { meta: { fieldErrors: unknown } } }).cause.meta.fieldErrors).toEqual({
      'questions.0.prediction': ['The prediction of question 1 was locked when the test started.'],
    })
    await expect(
      member.cycle.saveQuestions({
        id,
        questions: [keep(q1!), keep(q2!), { question: 'New?', prediction: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' })
    await expect(member.cycle.saveQuestions({ id, questions: [keep(q1!)] })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    })
    await expect(
      member.cycle.saveQuestions({ id, questions: [{ ...keep(q1!), predictedValue: 30 }, keep(q2!)] }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' })
    await member.cycle.saveQuestions({
      id,
      questions: [
        {
          ...keep(q1!),
          result: 'Fell by 1.5 points.',
          resultValue: 34.5,
          confirmed: 'partly',
          learning: 'Slower.',
        },
        { ...keep(q2!), result: 'Most did.', confirmed: 'yes' },
      ],
    })
    const view = await member.cycle.byId({ id })
    expect(view.questions.map((q) => [q.prediction, q.result, q.confirmed])).toEqual([
      ['By about 2 points.', 'Fell by 1.5 points.', 'partly'],
      ['Most will.', 'Most did.', 'yes'],
    ])
  })

  it('runs a cycle to completion: actual end at Study, spread plan for adopt, idea adopted', async () => {
    const { id, ideaId } = await plannedCycle()
    await readyForDo(id)
    const member = api(world.actors.member)
    await member.cycle.transition({ id, to: 'do' })
    await expect(member.cycle.transition({ id, to: 'study' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    })
    await member.cycle.update({ id, carriedOutAsPlanned: true })
    await member.cycle.updateNarrative({ id, section: 'do', text: 'Greeted every morning but one.' })
    await member.cycle.transition({ id, to: 'study' })
    expect((await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })).actualEnd?.toISOString()).toBe(
      '2026-11-03T00:00:00.000Z',
    )
    const qs = (await member.cycle.byId({ id })).questions.map((q) => ({
      id: q.id,
      question: q.question,
      prediction: q.prediction,
      measureId: q.measureId,
      predictedValue: q.predictedValue,
      result: 'Seen.',
    }))
    await member.cycle.saveQuestions({ id, questions: qs })
    await member.cycle.update({ id, predictionsConfirmed: 'yes' })
    await member.cycle.transition({ id, to: 'act' })
    await member.cycle.update({ id, decision: 'adopt' })
    await member.cycle.updateNarrative({ id, section: 'act', text: 'It worked; spread to grade 7.' })
    const refused = await member.cycle.transition({ id, to: 'complete' }).catch((e: unknown) => e)
    expect((refused as { cause: { meta: { fieldErrors: unknown } } }).cause.meta.fieldErrors).toEqual({
      spreadPlan: ['Adopting a change needs a plan to spread and sustain it.'],
    })
    await member.cycle.update({ id, spreadPlan: 'All grade 7 advisories from January.' })
    await member.cycle.transition({ id, to: 'complete' })
    expect((await database.db.changeIdea.findUniqueOrThrow({ where: { id: ideaId } })).status).toBe('adopted')
    const snapshots = await api(world.actors.coach).cycle.snapshots({ cycleId: id })
    expect(snapshots.map((s) => `${s.fromStage}→${s.toStage}`)).toEqual([
      'plan→do',
      'do→study',
      'study→act',
      'act→complete',
    ])
    await expect(member.cycle.transition({ id, to: 'complete' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('This cycle is complete'),
    })
  })

  it('follows an adapt decision, and is refused for readers', async () => {
    const { id, ideaId } = await plannedCycle()
    await database.db.pdsaCycle.update({
      where: { id },
      data: { stage: 'act', decision: 'adapt', actText: 'Try it with two classes.' },
    })
    await expect(api(world.actors.coach).cycle.transition({ id, to: 'complete' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await api(world.actors.member).cycle.transition({ id, to: 'complete' })
    expect((await database.db.changeIdea.findUniqueOrThrow({ where: { id: ideaId } })).status).toBe('adapted')
    const view = await api(world.actors.member).cycle.byId({ id })
    expect(view.methodChecks.map((c) => c.kind)).toContain('no_next_cycle_after_adapt')
  })
})
