import type { Actor } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createWorld,
  insertCycle,
  insertGoal,
  insertMeasure,
  insertTeam,
  type World,
} from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

const NOW = new Date('2026-10-20T09:00:00Z')
const api = (actor: Actor) => callerFor(database.db, actor, { app: { now: () => NOW } })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
})
afterAll(() => database.close())

const newCycle = (w: World) => ({
  teamId: w.teamA.id,
  title: 'Greet every student at the door',
  goalId: w.goal.id,
  changeIdeaId: w.changeIdea.id,
  purpose: 'test_a_change' as const,
  scale: 'One advisory class',
  ownerId: w.users.lead.id,
  testers: 'Ms. Rivera',
  plannedStart: '2026-11-02',
  plannedEnd: '2026-11-13',
})

describe('cycle.create', () => {
  it('lets a team member plan a cycle, stamps it and records an audit event', async () => {
    const created = await api(world.actors.member).cycle.create(newCycle(world))
    expect(created.cycleNumber).toBe(1)
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id: created.id } })
    expect(row).toMatchObject({
      stage: 'plan',
      schoolId: world.schoolA.id,
      goalId: world.goal.id,
      changeIdeaId: world.changeIdea.id,
      ownerId: world.users.lead.id,
      createdById: world.users.member.id,
    })
    expect(row.lastEditedAt).toEqual(NOW)
    const audit = await database.db.auditEvent.findFirst({
      where: { entityId: created.id, action: 'cycle.create' },
    })
    expect(audit?.actorId).toBe(world.users.member.id)
  })

  it('takes the goal from the change idea when only the idea is given', async () => {
    const created = await api(world.actors.lead).cycle.create({ ...newCycle(world), goalId: null })
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id: created.id } })
    expect(row.goalId).toBe(world.goal.id)
  })

  it('names the field for bad input and writes nothing', async () => {
    const before = await database.db.pdsaCycle.count()
    const member = api(world.actors.member)
    await expect(member.cycle.create({ ...newCycle(world), plannedEnd: '2026-10-01' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: 'plannedEnd: The planned end is before the planned start.',
      },
    )
    await expect(member.cycle.create({ ...newCycle(world), title: '  ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'title: Required.',
    })
    const goalB = await insertGoal(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolB.id,
      teamId: world.teamB.id,
      measureId: world.measure.id,
      focalGroupId: world.groups.EL.id,
    })
    await expect(
      member.cycle.create({ ...newCycle(world), goalId: goalB.id, changeIdeaId: null }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'goalId: This goal belongs to another team.' })
    await expect(
      member.cycle.create({ ...newCycle(world), ownerId: world.users.coach.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'ownerId: The owner must be a member of this team.',
    })
    await expect(
      member.cycle.create({ ...newCycle(world), changeIdeaId: other.changeIdea.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'changeIdeaId: No such change idea.' })
    expect(await database.db.pdsaCycle.count()).toBe(before)
  })

  it('refuses readers (FORBIDDEN) and other districts (NOT_FOUND)', async () => {
    await expect(api(world.actors.viewer).cycle.create(newCycle(world))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(api(world.actors.coach).cycle.create(newCycle(world))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(api(other.actors.member).cycle.create(newCycle(world))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('ramps', () => {
  it('continues a ramp: next number, same goal and change idea, linked measures copied', async () => {
    const member = api(world.actors.member)
    const first = await member.cycle.create(newCycle(world))
    await member.cycle.saveMeasures({
      id: first.id,
      measures: [
        { measureId: world.measure.id, expectedDirection: 'decrease', collectedBy: 'Attendance clerk' },
      ],
    })
    const second = await member.cycle.create({
      teamId: world.teamA.id,
      title: 'Greet at the door, two classes',
      previousCycleId: first.id,
      plannedStart: '2026-11-16',
      plannedEnd: '2026-11-27',
    })
    expect(second.cycleNumber).toBe(2)
    const view = await member.cycle.byId({ id: second.id })
    expect(view.changeIdea?.id).toBe(world.changeIdea.id)
    expect(view.goal?.id).toBe(world.goal.id)
    expect(view.measures.map((m) => [m.measureId, m.collectedBy])).toEqual([
      [world.measure.id, 'Attendance clerk'],
    ])
    expect(view.ramp.previous?.id).toBe(first.id)
    expect(view.ramp.length).toBe(2)
    const firstView = await member.cycle.byId({ id: first.id })
    expect(firstView.ramp.next.map((n) => n.id)).toEqual([second.id])
    expect(firstView.ramp.length).toBe(2)
  })

  it('refuses to continue another team’s cycle', async () => {
    const cycleB = await api(world.actors.otherTeamMember).cycle.create({
      ...newCycle(world),
      teamId: world.teamB.id,
      goalId: null,
      changeIdeaId: null,
      ownerId: null,
    })
    await expect(
      api(world.actors.member).cycle.create({ ...newCycle(world), previousCycleId: cycleB.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'previousCycleId: This cycle belongs to another team.',
    })
  })
})

describe('cycle.update and cycle.updateNarrative', () => {
  it('changes structured fields and drivers, auditing only what changed', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create(newCycle(world))
    await member.cycle.update({
      id,
      scale: 'Two advisory classes',
      testers: 'Ms. Rivera',
      lagDays: 7,
      driverIds: [world.secondary.id],
    })
    const audit = await database.db.auditEvent.findFirst({
      where: { entityId: id, action: 'cycle.update' },
      orderBy: { id: 'desc' },
    })
    expect(audit?.before).toEqual({ scale: 'One advisory class', lagDays: 0, driverIds: [] })
    expect(audit?.after).toEqual({
      scale: 'Two advisory classes',
      lagDays: 7,
      driverIds: [world.secondary.id],
    })
    const view = await member.cycle.byId({ id })
    expect(view.drivers.map((d) => d.id)).toEqual([world.secondary.id])
    expect(view.lagDays).toBe(7)
  })

  it('checks merged dates and drivers of the goal', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create(newCycle(world))
    await expect(member.cycle.update({ id, plannedEnd: '2026-10-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'plannedEnd: The planned end is before the planned start.',
    })
    await expect(member.cycle.update({ id, driverIds: [other.secondary.id] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: "driverIds: A driver is not part of this cycle's goal.",
    })
  })

  it('saves one narrative section and bumps lastEditedAt', async () => {
    const { id } = await api(world.actors.member).cycle.create(newCycle(world))
    const later = new Date('2026-10-21T10:00:00Z')
    const saved = await callerFor(database.db, world.actors.lead, {
      app: { now: () => later },
    }).cycle.updateNarrative({
      id,
      section: 'hypothesis',
      text: 'A warm greeting makes students feel expected.',
    })
    expect(saved.lastEditedAt).toEqual(later)
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
    expect(row.hypothesisText).toBe('A warm greeting makes students feel expected.')
    expect(row.lastEditedAt).toEqual(later)
    const audit = await database.db.auditEvent.findFirst({
      where: { entityId: id, action: 'cycle.update_narrative' },
    })
    expect(audit?.after).toEqual({ hypothesisText: 'A warm greeting makes students feel expected.' })
  })

  it('refuses an unknown section and viewers', async () => {
    await expect(
      api(world.actors.member).cycle.updateNarrative({
        id: world.cycle.id,
        section: 'nope' as 'objective',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      api(world.actors.viewer).cycle.updateNarrative({ id: world.cycle.id, section: 'objective', text: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('questions, tasks and linked measures', () => {
  it('replaces the question list, keeping the ids of questions sent back', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create(newCycle(world))
    await member.cycle.saveMeasures({
      id,
      measures: [{ measureId: world.measure.id, expectedDirection: 'decrease' }],
    })
    await member.cycle.saveQuestions({
      id,
      questions: [
        { question: 'Will tardies drop?', prediction: 'Yes, a little.' },
        {
          question: 'Chronic absence?',
          prediction: 'Down 2 points',
          measureId: world.measure.id,
          predictedValue: 28,
        },
      ],
    })
    const first = await member.cycle.byId({ id })
    const [q1, q2] = first.questions
    await member.cycle.saveQuestions({
      id,
      questions: [
        {
          id: q2!.id,
          question: 'Chronic absence?',
          prediction: 'Down 2–3 points',
          measureId: world.measure.id,
          predictedMin: 27,
          predictedMax: 28,
        },
        { question: 'Do students notice?', prediction: 'Most will mention it.' },
      ],
    })
    const second = await member.cycle.byId({ id })
    expect(second.questions.map((q) => q.question)).toEqual(['Chronic absence?', 'Do students notice?'])
    expect(second.questions[0]?.id).toBe(q2!.id)
    expect(second.questions[0]).toMatchObject({ predictedValue: null, predictedMin: 27, predictedMax: 28 })
    expect(second.questions.some((q) => q.id === q1!.id)).toBe(false)
  })

  it('refuses a predicted value without a linked measure, and an inverted range', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create(newCycle(world))
    await expect(
      member.cycle.saveQuestions({ id, questions: [{ question: 'Q', prediction: 'P', predictedValue: 3 }] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'questions.0.measureId: A predicted value needs the measure it is in.',
    })
    await expect(
      member.cycle.saveQuestions({
        id,
        questions: [
          { question: 'Q', prediction: 'P', measureId: world.measure.id, predictedMin: 5, predictedMax: 3 },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'questions.0.predictedMax: The upper end is below the lower end.',
    })
    await expect(
      member.cycle.saveQuestions({
        id,
        questions: [{ question: 'Q', prediction: 'P', measureId: world.measure.id, predictedValue: 3 }],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'questions.0.measureId: Link this measure to the cycle before predicting in it.',
    })
    expect(await database.db.cycleQuestion.count({ where: { cycleId: id } })).toBe(0)
  })

  it('replaces tasks keeping ids, and audits the lists', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create(newCycle(world))
    await member.cycle.saveTasks({
      id,
      tasks: [
        { what: 'Print the class list', who: 'Lead', dueDate: '2026-10-30' },
        { what: 'Tell students', who: 'Teacher' },
      ],
    })
    const [t1] = (await member.cycle.byId({ id })).tasks
    await member.cycle.saveTasks({
      id,
      tasks: [{ id: t1!.id, what: 'Print the class list', who: 'Lead', dueDate: '2026-10-30', done: true }],
    })
    const view = await member.cycle.byId({ id })
    expect(view.tasks).toEqual([
      {
        id: t1!.id,
        position: 0,
        what: 'Print the class list',
        who: 'Lead',
        dueDate: '2026-10-30',
        location: '',
        done: true,
      },
    ])
    const audits = await database.db.auditEvent.count({ where: { entityId: id, action: 'cycle.save_tasks' } })
    expect(audits).toBe(2)
    // The same list again changes nothing and records nothing.
    await member.cycle.saveTasks({
      id,
      tasks: [{ id: t1!.id, what: 'Print the class list', who: 'Lead', dueDate: '2026-10-30', done: true }],
    })
    expect(await database.db.auditEvent.count({ where: { entityId: id, action: 'cycle.save_tasks' } })).toBe(
      2,
    )
  })

  it('validates linked measures: duplicates, other districts, measures a prediction uses', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create(newCycle(world))
    const m = { measureId: world.measure.id, expectedDirection: 'decrease' as const }
    await expect(member.cycle.saveMeasures({ id, measures: [m, m] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'measures.1.measureId: This measure is linked twice.',
    })
    await expect(
      member.cycle.saveMeasures({ id, measures: [{ ...m, measureId: other.measure.id }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'measures.0.measureId: No such measure.' })
    await member.cycle.saveMeasures({ id, measures: [{ ...m, studentGroupId: world.groups.AA.id }] })
    await member.cycle.saveQuestions({
      id,
      questions: [{ question: 'Q', prediction: 'P', measureId: world.measure.id, predictedValue: 30 }],
    })
    await expect(member.cycle.saveMeasures({ id, measures: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message:
        'measures: Question 1 predicts a value in a measure you are removing: change that question first.',
    })
    const view = await member.cycle.byId({ id })
    expect(view.measures[0]).toMatchObject({ expectedDirection: 'decrease', studentGroup: { code: 'AA' } })
  })
})

describe('cycle.byId, cycle.board and cycle.list', () => {
  it('shows the worksheet with method checks counting observations in the window', async () => {
    const member = api(world.actors.member)
    const { id } = await member.cycle.create({
      ...newCycle(world),
      plannedStart: '2026-09-01',
      plannedEnd: '2026-09-30',
    })
    const measure = await insertMeasure(database.db, world.district.id)
    await member.cycle.saveMeasures({
      id,
      measures: [{ measureId: measure.id, expectedDirection: 'decrease' }],
    })
    for (const period of ['2026-08-25', '2026-09-07', '2026-09-14', '2026-10-30']) {
      await database.db.observation.create({
        data: {
          districtId: world.district.id,
          measureId: measure.id,
          schoolId: world.schoolA.id,
          studentGroupId: world.groups.ALL.id,
          period: new Date(`${period}T00:00:00Z`),
          value: 20,
          source: 'manual',
        },
      })
    }
    const view = await member.cycle.byId({ id })
    expect(view.observationsInWindow).toBe(2)
    expect(view.methodChecks.map((c) => c.kind)).toEqual(['no_prediction', 'overdue'])
    expect(view).toMatchObject({ canEdit: true, canComment: true, canCoach: false, canManage: false })
    const asViewer = await api(world.actors.viewer).cycle.byId({ id })
    expect(asViewer).toMatchObject({ canEdit: false, canComment: false, canCoach: false, canManage: false })
    const asCoach = await api(world.actors.coach).cycle.byId({ id })
    expect(asCoach).toMatchObject({ canEdit: false, canComment: true, canCoach: true })
  })

  it('groups a team’s cycles by stage with days since edit, warnings and open feedback', async () => {
    const board = await api(world.actors.viewer).cycle.board({ teamId: world.teamA.id })
    expect(board.stages.map((s) => s.stage)).toEqual(['plan', 'do', 'study', 'act', 'complete'])
    const card = board.stages[0]?.cycles.find((c) => c.id === world.cycle.id)
    expect(card?.openFeedbackCount).toBe(1)
    expect(card?.changeIdea?.id).toBe(world.changeIdea.id)
    expect(card?.warnings.map((w) => w.kind)).toContain('no_linked_measure')
    expect(card?.daysSinceEdit).toBeGreaterThanOrEqual(0)
    await expect(
      api(world.actors.otherTeamMember).cycle.board({ teamId: world.teamA.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('shows the most recent completed cycles with their total, and all of them on request', async () => {
    const team = await insertTeam(database.db, world.district.id, world.schoolA.id, 'Long-running team')
    const scope = { districtId: world.district.id, schoolId: world.schoolA.id, teamId: team.id }
    for (let i = 0; i < 11; i++) {
      const c = await insertCycle(database.db, { ...scope, title: `Completed ${i}` })
      await database.db.pdsaCycle.update({
        where: { id: c.id },
        data: { stage: 'complete', cycleNumber: i + 1, plannedStart: new Date(Date.UTC(2025, 0, 6 + 7 * i)) },
      })
    }
    await insertCycle(database.db, { ...scope, title: 'Still planning' })
    const board = await api(world.actors.leader).cycle.board({ teamId: team.id })
    const complete = board.stages.find((s) => s.stage === 'complete')
    expect(board.total).toBe(12)
    expect(complete?.total).toBe(11)
    expect(complete?.cycles.map((c) => c.title)).toEqual(
      [10, 9, 8, 7, 6, 5, 4, 3].map((i) => `Completed ${i}`),
    )
    expect(board.stages.find((s) => s.stage === 'plan')?.cycles.map((c) => c.title)).toEqual([
      'Still planning',
    ])
    const all = await api(world.actors.leader).cycle.board({ teamId: team.id, completeShown: 500 })
    expect(all.stages.find((s) => s.stage === 'complete')?.cycles).toHaveLength(11)
    for (const completeShown of [0, 501, 2.5]) {
      await expect(
        api(world.actors.leader).cycle.board({ teamId: team.id, completeShown }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    }
  })

  it('lists only readable cycles, with filters', async () => {
    const mine = await api(world.actors.otherTeamMember).cycle.list({})
    expect(mine.every((c) => c.team.id === world.teamB.id)).toBe(true)
    const byIdea = await api(world.actors.leader).cycle.list({
      changeIdeaId: world.changeIdea.id,
      stage: 'plan',
    })
    expect(byIdea.length).toBeGreaterThan(0)
    expect(byIdea.every((c) => c.changeIdea?.id === world.changeIdea.id && c.stage === 'plan')).toBe(true)
    expect((await api(other.actors.leader).cycle.list({ teamId: world.teamA.id })).length).toBe(0)
  })
})

describe('cycle.delete', () => {
  it('lets the team lead delete a cycle and audits the deleted row', async () => {
    const { id } = await api(world.actors.member).cycle.create(newCycle(world))
    await expect(api(world.actors.member).cycle.delete({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await api(world.actors.lead).cycle.delete({ id })
    expect(await database.db.pdsaCycle.count({ where: { id } })).toBe(0)
    const audit = await database.db.auditEvent.findFirst({ where: { entityId: id, action: 'cycle.delete' } })
    expect(audit?.before).toMatchObject({ id, title: 'Greet every student at the door', stage: 'plan' })
  })
})
