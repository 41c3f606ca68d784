import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertGoal, type World } from '../factories/index.ts'
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

const validGoal = (w: World) => ({
  schoolId: w.schoolA.id,
  teamId: w.teamA.id,
  title: 'Chronic absence of English learners',
  measureId: w.measure.id,
  focalGroupId: w.groups.EL.id,
  referenceKind: 'all_other_students' as const,
  baselineValue: 30,
  baselineDate: '2025-09-01',
  targetValue: 22,
  targetDate: '2026-06-01',
  baselineGap: 8,
  targetGap: 3,
  districtGoalIds: [w.districtGoal.id],
})

describe('goal procedures', () => {
  it('lets a team member create a goal, composes its aim statement and records an audit event', async () => {
    const api = callerFor(database.db, world.actors.member)
    const goal = await api.goal.create(validGoal(world))
    expect(goal.aimStatement).toBe(
      'By June 1, 2026, reduce chronic absence rate (to date) for English learners at Riverbend Middle from 30.0% to 22.0%, and narrow the gap with all other students from 8.0 to 3.0 points.',
    )
    expect(goal.districtGoals.map((d) => d.code)).toEqual(['LCAP 2'])
    const audit = await database.db.auditEvent.findFirst({
      where: { entityId: goal.id, action: 'goal.create' },
    })
    expect(audit?.actorId).toBe(world.users.member.id)
  })

  it('rejects a target date before the baseline with a message naming the field, writing nothing', async () => {
    const api = callerFor(database.db, world.actors.member)
    const before = await database.db.equityGoal.count()
    await expect(api.goal.create({ ...validGoal(world), targetDate: '2025-01-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'targetDate: The target date must be after the baseline date.',
    })
    expect(await database.db.equityGoal.count()).toBe(before)
  })

  it('refuses viewers and coaches (FORBIDDEN) and other districts (NOT_FOUND)', async () => {
    await expect(
      callerFor(database.db, world.actors.viewer).goal.create(validGoal(world)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, world.actors.coach).goal.update({ id: world.goal.id, title: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      callerFor(database.db, other.actors.member).goal.byId({ id: world.goal.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(
      callerFor(database.db, other.actors.admin).goal.update({ id: world.goal.id, title: 'x' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('lists only what the caller may read', async () => {
    const mine = await callerFor(database.db, world.actors.otherTeamMember).goal.list({})
    expect(mine.every((g) => g.team?.id === world.teamB.id)).toBe(true)
    const leader = await callerFor(database.db, world.actors.leader).goal.list({})
    expect(leader.map((g) => g.id)).toContain(world.goal.id)
    expect(leader.every((g) => g.school.id !== other.schoolA.id)).toBe(true)
  })

  it('refuses signed-out callers and mutations without a CSRF token', async () => {
    await expect(callerFor(database.db, null).goal.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(
      callerFor(database.db, world.actors.member, { csrfVerified: false }).goal.update({
        id: world.goal.id,
        title: 'New',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('school-level goals', () => {
  // A target in another school year than the team's goal on the same aim (a duplicate is refused, ADR 025).
  const schoolGoal = (w: World) => ({
    ...validGoal(w),
    teamId: null,
    title: 'School-wide chronic absence',
    targetDate: '2027-06-01',
  })

  it('lets district leaders and admins create and edit them, and no one else', async () => {
    const leader = callerFor(database.db, world.actors.leader)
    const goal = await leader.goal.create(schoolGoal(world))
    expect(goal).toMatchObject({ team: null, canEdit: true, canArchive: true })
    const edited = await callerFor(database.db, world.actors.admin).goal.update({
      id: goal.id,
      targetValue: 20,
    })
    expect(edited.targetValue).toBe(20)
    for (const key of ['member', 'lead', 'coach', 'principal'] as const) {
      await expect(
        callerFor(database.db, world.actors[key]).goal.create(schoolGoal(world)),
        key,
      ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only district leaders can add school goals.' })
    }
    await expect(
      callerFor(database.db, world.actors.member).goal.update({ id: goal.id, title: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only district leaders can change school goals.' })
    // A principal of the school reads it; a team member at another school does not.
    const read = await callerFor(database.db, world.actors.principal).goal.byId({ id: goal.id })
    expect(read.canEdit).toBe(false)
    await expect(
      callerFor(database.db, world.actors.otherTeamMember).goal.byId({ id: goal.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses team goals to district leaders (they are not on the team)', async () => {
    await expect(
      callerFor(database.db, world.actors.leader).goal.create(validGoal(world)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('archiving goals', () => {
  const fresh = () =>
    insertGoal(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      measureId: world.measure.id,
      focalGroupId: world.groups.EL.id,
    })

  it('lets the team lead or an admin archive and restore a team goal, with audit events', async () => {
    const goal = await fresh()
    const archived = await callerFor(database.db, world.actors.lead).goal.archive({
      id: goal.id,
      archived: true,
    })
    expect(archived.status).toBe('archived')
    const listed = await callerFor(database.db, world.actors.lead).goal.list({ teamId: world.teamA.id })
    expect(listed.map((g) => g.id)).not.toContain(goal.id)
    const restored = await callerFor(database.db, world.actors.admin).goal.archive({
      id: goal.id,
      archived: false,
    })
    expect(restored.status).toBe('active')
    const actions = await database.db.auditEvent.findMany({
      where: { entityId: goal.id },
      orderBy: { id: 'asc' },
      select: { action: true },
    })
    expect(actions.map((a) => a.action)).toEqual(['goal.archive', 'goal.restore'])
  })

  it('refuses archiving to team members, also through update', async () => {
    const goal = await fresh()
    const member = callerFor(database.db, world.actors.member)
    await expect(member.goal.archive({ id: goal.id, archived: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(member.goal.update({ id: goal.id, status: 'archived' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const met = await member.goal.update({ id: goal.id, status: 'met' })
    expect(met.status).toBe('met')
  })
})

describe('goal.formOptions and goal.byId extras', () => {
  it('offers the district library and the school’s own measures, active groups and district goals', async () => {
    const own = await database.db.measure.create({
      data: {
        districtId: world.district.id,
        schoolId: world.schoolA.id,
        code: 'OWN-A',
        name: 'Advisory check-ins done',
        family: 'process',
        unit: 'count',
        higherIsBetter: true,
        cadence: 'weekly',
        chartType: 'c',
      },
    })
    const elsewhere = await database.db.measure.create({
      data: {
        districtId: world.district.id,
        schoolId: world.schoolB.id,
        code: 'OWN-B',
        name: 'Other school measure',
        family: 'process',
        unit: 'count',
        higherIsBetter: true,
        cadence: 'weekly',
        chartType: 'c',
      },
    })
    const options = await callerFor(database.db, world.actors.member).goal.formOptions({
      schoolId: world.schoolA.id,
    })
    const ids = options.measures.map((m) => m.id)
    expect(ids).toContain(world.measure.id)
    expect(ids).toContain(own.id)
    expect(ids).not.toContain(elsewhere.id)
    expect(options.studentGroups.map((g) => g.code)).toEqual(['ALL', 'EL', 'AA', 'SED'])
    expect(options.districtGoals).toEqual([expect.objectContaining({ code: 'LCAP 2', archived: false })])
    await expect(
      callerFor(database.db, world.actors.otherTeamMember).goal.formOptions({ schoolId: world.schoolA.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.admin).goal.formOptions({ schoolId: world.schoolA.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('reports the latest focal-group value, suppressed for small cells for every role', async () => {
    await database.db.observation.createMany({
      data: [
        { period: new Date('2025-10-06'), value: 33, numerator: 33, denominator: 100 },
        { period: new Date('2025-10-13'), value: 37.5, numerator: 3, denominator: 8 },
      ].map((o) => ({
        ...o,
        districtId: world.district.id,
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        studentGroupId: world.groups.AA.id,
        source: 'manual' as const,
      })),
    })
    // ADR 017: the goal page shows the release to every role, the team that enters the data included.
    for (const key of ['member', 'viewer', 'leader'] as const) {
      const goal = await callerFor(database.db, world.actors[key]).goal.byId({ id: world.goal.id })
      expect(goal.latest).toMatchObject({
        period: '2025-10-13',
        value: null,
        suppressed: true,
        threshold: 10,
      })
    }
  })
})
