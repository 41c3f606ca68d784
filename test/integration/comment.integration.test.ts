import type { Actor } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
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

const feedback = async (body = 'What will you measure?') =>
  api(world.actors.coach).comment.create({ cycleId: world.cycle.id, body, requiresResponse: true })

describe('comment.list', () => {
  it('returns threads with replies, authors and open feedback', async () => {
    const list = await api(world.actors.viewer).comment.list({ cycleId: world.cycle.id })
    const thread = list.threads.find((t) => t.id === world.comment.id)
    expect(thread).toMatchObject({
      body: 'What is your prediction?',
      requiresResponse: true,
      isOpen: true,
      resolvedAt: null,
      author: { name: 'Riverbend Coach' },
      feedbackState: 'requested',
      canAccept: false,
      canReopen: false,
      canDelete: false,
    })
    expect(list.openCount).toBeGreaterThanOrEqual(1)
    expect(list).toMatchObject({ canComment: false, canCoach: false, canEdit: false })
    await expect(
      api(world.actors.otherTeamMember).comment.list({ cycleId: world.cycle.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(api(other.actors.leader).comment.list({ cycleId: world.cycle.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('needs exactly one of cycle and goal', async () => {
    await expect(api(world.actors.member).comment.list({})).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'cycleId: List the comments of a cycle or of a goal.',
    })
  })
})

describe('comment.create', () => {
  it('lets the team, coaches and leaders comment; only coaches and leaders ask for a response', async () => {
    await api(world.actors.member).comment.create({ cycleId: world.cycle.id, body: 'We start Monday.' })
    await api(world.actors.leader).comment.create({
      cycleId: world.cycle.id,
      body: 'Link a measure?',
      requiresResponse: true,
    })
    await expect(
      api(world.actors.member).comment.create({
        cycleId: world.cycle.id,
        body: 'Answer me',
        requiresResponse: true,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only coaches and district leaders can ask for a response.',
    })
    await expect(
      api(world.actors.viewer).comment.create({ cycleId: world.cycle.id, body: 'Hi' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      api(world.actors.principal).comment.create({ cycleId: world.cycle.id, body: 'Hi' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('names the field for bad input and writes nothing', async () => {
    const before = await database.db.comment.count()
    await expect(
      api(world.actors.member).comment.create({ cycleId: world.cycle.id, body: '   ' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'body: Write something.',
    })
    await expect(
      api(world.actors.coach).comment.create({
        cycleId: world.cycle.id,
        parentId: world.comment.id,
        body: 'x',
        requiresResponse: true,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'requiresResponse: A reply cannot itself require a response.',
    })
    await expect(
      api(world.actors.member).comment.create({
        cycleId: world.cycle.id,
        parentId: other.comment.id,
        body: 'x',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'parentId: No such comment here.' })
    expect(await database.db.comment.count()).toBe(before)
  })

  it('a reply by the team moves feedback to replied but keeps it open; a reply by the coach does not', async () => {
    const asked = await feedback()
    await api(world.actors.coach).comment.create({
      cycleId: world.cycle.id,
      parentId: asked.id,
      body: 'And when?',
    })
    expect((await database.db.comment.findUniqueOrThrow({ where: { id: asked.id } })).feedbackState).toBe(
      'requested',
    )
    const reply = await api(world.actors.member).comment.create({
      cycleId: world.cycle.id,
      parentId: asked.id,
      body: 'Attendance, weekly.',
    })
    expect(reply.answeredParent).toBe(true)
    const row = await database.db.comment.findUniqueOrThrow({ where: { id: asked.id } })
    expect(row).toMatchObject({ feedbackState: 'replied', resolvedAt: null, resolvedById: null })
    const list = await api(world.actors.coach).comment.list({ cycleId: world.cycle.id })
    const thread = list.threads.find((t) => t.id === asked.id)
    expect(thread).toMatchObject({ isOpen: true, feedbackState: 'replied', canAccept: true, canReopen: true })
    expect(thread?.replies.map((r) => r.body)).toEqual(['And when?', 'Attendance, weekly.'])
    const teamView = await api(world.actors.lead).comment.list({ cycleId: world.cycle.id })
    expect(teamView.threads.find((t) => t.id === asked.id)).toMatchObject({
      canAccept: false,
      canReopen: false,
    })
    const audits = await database.db.auditEvent.findMany({ where: { entityId: asked.id } })
    expect(audits.map((a) => a.action).sort()).toEqual(['comment.create', 'comment.reply_to_feedback'])
  })

  it('comments on goals use the goal’s team, or its school for school goals', async () => {
    await api(world.actors.coach).comment.create({
      goalId: world.goal.id,
      body: 'Strong aim.',
      requiresResponse: true,
    })
    const goalThreads = await api(world.actors.member).comment.list({ goalId: world.goal.id })
    expect(goalThreads.threads).toHaveLength(1)
    const schoolGoal = await database.db.equityGoal.create({
      data: {
        districtId: world.district.id,
        schoolId: world.schoolA.id,
        title: 'School-wide attendance',
        measureId: world.measure.id,
        focalGroupId: world.groups.EL.id,
        referenceKind: 'all_students',
        baselineValue: 20,
        baselineDate: new Date('2025-09-01'),
        targetValue: 15,
        targetDate: new Date('2026-06-01'),
      },
    })
    await api(world.actors.leader).comment.create({
      goalId: schoolGoal.id,
      body: 'Please align.',
      requiresResponse: true,
    })
    await expect(
      api(world.actors.member).comment.create({ goalId: schoolGoal.id, body: 'Hi' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await api(world.actors.principal).comment.list({ goalId: schoolGoal.id })).threads).toHaveLength(
      1,
    )
  })
})

describe('feedback: accept the reply, re-open', () => {
  const reply = (id: string, actor: Actor = world.actors.member) =>
    api(actor).comment.create({ cycleId: world.cycle.id, parentId: id, body: 'Done.' })
  const stateOf = async (id: string) =>
    (await database.db.comment.findUniqueOrThrow({ where: { id } })).feedbackState

  it('only the coach who asked accepts a reply; then the feedback is closed', async () => {
    const asked = await feedback('Data?')
    await expect(api(world.actors.coach).comment.acceptReply({ id: asked.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'There is no reply to accept yet.',
    })
    await reply(asked.id)
    for (const actor of [world.actors.lead, world.actors.member, world.actors.leader]) {
      await expect(api(actor).comment.acceptReply({ id: asked.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      await expect(api(actor).comment.reopen({ id: asked.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(api(other.actors.leader).comment.acceptReply({ id: asked.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await stateOf(asked.id)).toBe('replied')
    await api(world.actors.coach).comment.acceptReply({ id: asked.id })
    const row = await database.db.comment.findUniqueOrThrow({ where: { id: asked.id } })
    expect(row).toMatchObject({
      feedbackState: 'accepted',
      resolvedAt: NOW,
      resolvedById: world.users.coach.id,
    })
    const thread = (await api(world.actors.member).comment.list({ cycleId: world.cycle.id })).threads.find(
      (t) => t.id === asked.id,
    )
    expect(thread).toMatchObject({ isOpen: false, resolvedBy: { id: world.users.coach.id } })
    await expect(api(world.actors.coach).comment.acceptReply({ id: asked.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This reply is already accepted.',
    })
  })

  it('the coach re-opens a reply; the team answers again; every move is audited', async () => {
    const asked = await feedback('Who collects it?')
    await reply(asked.id)
    await api(world.actors.coach).comment.reopen({ id: asked.id })
    expect(await stateOf(asked.id)).toBe('reopened')
    await expect(api(world.actors.coach).comment.reopen({ id: asked.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    })
    await reply(asked.id, world.actors.lead)
    expect(await stateOf(asked.id)).toBe('replied')
    await api(world.actors.coach).comment.acceptReply({ id: asked.id })
    await api(world.actors.coach).comment.reopen({ id: asked.id })
    const row = await database.db.comment.findUniqueOrThrow({ where: { id: asked.id } })
    expect(row).toMatchObject({ feedbackState: 'reopened', resolvedAt: null, resolvedById: null })
    const audits = await database.db.auditEvent.findMany({
      where: { entityId: asked.id },
      orderBy: { id: 'asc' },
    })
    expect(audits.map((a) => a.action)).toEqual([
      'comment.create',
      'comment.reply_to_feedback',
      'comment.reopen',
      'comment.reply_to_feedback',
      'comment.accept_reply',
      'comment.reopen',
    ])
  })

  it('lets the author delete a comment until someone replies', async () => {
    const asked = await feedback('Scale?')
    await expect(api(world.actors.member).comment.delete({ id: asked.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const lone = await feedback('Typo')
    await api(world.actors.coach).comment.delete({ id: lone.id })
    expect(await database.db.comment.count({ where: { id: lone.id } })).toBe(0)
    const audit = await database.db.auditEvent.findFirst({
      where: { entityId: lone.id, action: 'comment.delete' },
    })
    expect(audit?.before).toMatchObject({ body: 'Typo', requiresResponse: true })
    await api(world.actors.member).comment.create({
      cycleId: world.cycle.id,
      parentId: asked.id,
      body: 'One class.',
    })
    await expect(api(world.actors.coach).comment.delete({ id: asked.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This comment has replies, so it can no longer be deleted.',
    })
  })
})
