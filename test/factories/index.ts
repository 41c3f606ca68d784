// Test data builders: `build*` returns a plain object, `insert*` persists it. `createWorld` builds a
// small district with one user per role, used by the integration and authorization-matrix tests.
import { randomUUID } from 'node:crypto'
import type { Actor, Role } from '@pdsa/domain'
import type { Db } from '../../server/db/client.ts'
import { loadActor } from '../../server/services/actor.ts'

let counter = 0
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 6)}`

/** A precomputed argon2id hash of TEST_PASSWORD, so factories do not spend 11 ms per user. */
export const TEST_PASSWORD = 'correct horse battery staple'
export const TEST_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$kG+KWGFVjcxrraSywP2W2A$Xh+02No4kH9VPj5eJGWMOm7xOJZrHD2s9ZLRdI3c/qM'

export async function insertDistrict(
  db: Db,
  overrides: Partial<{ name: string; slug: string; suppressionThreshold: number }> = {},
) {
  return db.district.create({
    data: {
      name: overrides.name ?? 'Test District',
      slug: overrides.slug ?? unique('district'),
      ...overrides,
    },
  })
}

export async function insertSchool(
  db: Db,
  districtId: string,
  overrides: Partial<{ name: string; code: string }> = {},
) {
  return db.school.create({
    data: {
      districtId,
      code: overrides.code ?? unique('S'),
      name: overrides.name ?? 'Test School',
      level: 'middle',
    },
  })
}

export async function insertTeam(db: Db, districtId: string, schoolId: string, name = 'Attendance team') {
  return db.team.create({ data: { districtId, schoolId, name } })
}

export async function insertUser(
  db: Db,
  districtId: string,
  grants: { role: Role; schoolId?: string | null; teamId?: string | null }[],
  overrides: Partial<{ email: string; name: string }> = {},
) {
  const user = await db.user.create({
    data: {
      districtId,
      email: (overrides.email ?? `${unique('user')}@example.test`).toLowerCase(),
      name: overrides.name ?? 'Test User',
      password: { create: { hash: TEST_PASSWORD_HASH } },
      memberships: {
        create: grants.map((g) => ({
          districtId,
          role: g.role,
          schoolId: g.schoolId ?? null,
          teamId: g.teamId ?? null,
        })),
      },
    },
  })
  return user
}

export async function actorFor(db: Db, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId)
  if (!actor) throw new Error(`No actor for ${userId}`)
  return actor
}

export async function insertStudentGroups(db: Db, districtId: string) {
  const groups = [
    { code: 'ALL', name: 'All students', category: 'all' as const, sortOrder: 0 },
    { code: 'EL', name: 'English learners', category: 'program' as const, sortOrder: 10 },
    { code: 'AA', name: 'Black or African American', category: 'race_ethnicity' as const, sortOrder: 20 },
    { code: 'SED', name: 'Socioeconomically disadvantaged', category: 'program' as const, sortOrder: 30 },
  ]
  await db.studentGroup.createMany({ data: groups.map((g) => ({ ...g, districtId })) })
  const rows = await db.studentGroup.findMany({ where: { districtId } })
  return Object.fromEntries(rows.map((r) => [r.code, r])) as Record<
    'ALL' | 'EL' | 'AA' | 'SED',
    (typeof rows)[number]
  >
}

export async function insertMeasure(
  db: Db,
  districtId: string,
  overrides: Partial<{ code: string; schoolId: string | null }> = {},
) {
  return db.measure.create({
    data: {
      districtId,
      schoolId: overrides.schoolId ?? null,
      code: overrides.code ?? unique('CHRONIC'),
      name: 'Chronic absence rate (to date)',
      family: 'outcome',
      unit: 'percent',
      numeratorDefinition: 'Students absent ≥10% of days enrolled',
      denominatorDefinition: 'Students enrolled ≥ 30 days',
      higherIsBetter: false,
      cadence: 'weekly',
      chartType: 'p',
      multiplier: 100,
      isAdverseEvent: true,
    },
  })
}

export async function insertGoal(
  db: Db,
  args: { districtId: string; schoolId: string; teamId: string; measureId: string; focalGroupId: string },
) {
  return db.equityGoal.create({
    data: {
      ...args,
      title: 'Reduce chronic absence for Black students',
      referenceKind: 'all_other_students',
      baselineValue: 36,
      baselineDate: new Date('2025-09-01'),
      targetValue: 26,
      targetDate: new Date('2026-06-01'),
    },
  })
}

export async function insertCycle(
  db: Db,
  args: { districtId: string; schoolId: string; teamId: string; goalId?: string | null; title?: string },
) {
  return db.pdsaCycle.create({
    data: {
      districtId: args.districtId,
      schoolId: args.schoolId,
      teamId: args.teamId,
      goalId: args.goalId ?? null,
      title: args.title ?? 'Family text nudges after the 2nd absence',
      plannedStart: new Date('2026-10-05'),
      plannedEnd: new Date('2026-10-16'),
      scale: 'One advisory class',
    },
  })
}

/**
 * A small district: two schools, a team in each, one user per role, a goal, a driver, a change
 * idea and a cycle on team A. Used to check who may do what, and that other districts see nothing.
 */
export async function createWorld(db: Db, name = 'World') {
  const district = await insertDistrict(db, { name: `${name} District` })
  const schoolA = await insertSchool(db, district.id, { name: `${name} Middle` })
  const schoolB = await insertSchool(db, district.id, { name: `${name} High` })
  const teamA = await insertTeam(db, district.id, schoolA.id, 'Attendance team')
  const teamB = await insertTeam(db, district.id, schoolB.id, 'Climate team')
  const groups = await insertStudentGroups(db, district.id)
  const measure = await insertMeasure(db, district.id)
  const onA = { schoolId: schoolA.id, teamId: teamA.id }
  const users = {
    admin: await insertUser(db, district.id, [{ role: 'admin' }], { name: `${name} Admin` }),
    leader: await insertUser(db, district.id, [{ role: 'district_leader' }], { name: `${name} Leader` }),
    coach: await insertUser(db, district.id, [{ role: 'coach', ...onA }], { name: `${name} Coach` }),
    lead: await insertUser(db, district.id, [{ role: 'team_lead', ...onA }], { name: `${name} Lead` }),
    member: await insertUser(db, district.id, [{ role: 'team_member', ...onA }], { name: `${name} Member` }),
    viewer: await insertUser(db, district.id, [{ role: 'viewer', ...onA }], { name: `${name} Viewer` }),
    otherTeamMember: await insertUser(
      db,
      district.id,
      [{ role: 'team_member', schoolId: schoolB.id, teamId: teamB.id }],
      {
        name: `${name} Other`,
      },
    ),
    principal: await insertUser(db, district.id, [{ role: 'viewer', schoolId: schoolA.id }], {
      name: `${name} Principal`,
    }),
  }
  const actors = Object.fromEntries(
    await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await actorFor(db, u.id)] as const)),
  ) as Record<keyof typeof users, Actor>
  const goal = await insertGoal(db, {
    districtId: district.id,
    schoolId: schoolA.id,
    teamId: teamA.id,
    measureId: measure.id,
    focalGroupId: groups.AA.id,
  })
  const primary = await db.driverNode.create({
    data: { districtId: district.id, goalId: goal.id, kind: 'primary', title: 'Family partnership' },
  })
  const secondary = await db.driverNode.create({
    data: {
      districtId: district.id,
      goalId: goal.id,
      kind: 'secondary',
      parentId: primary.id,
      title: 'Positive outreach after the 2nd absence',
    },
  })
  const changeIdea = await db.changeIdea.create({
    data: {
      districtId: district.id,
      goalId: goal.id,
      teamId: teamA.id,
      title: 'Personal text to families after the 2nd absence',
      status: 'testing',
      drivers: { create: [{ driverId: secondary.id }] },
    },
  })
  const districtGoal = await db.districtGoal.create({
    data: { districtId: district.id, code: 'LCAP 2', title: 'Engagement', startYear: 2024, endYear: 2027 },
  })
  const cycle = await insertCycle(db, {
    districtId: district.id,
    schoolId: schoolA.id,
    teamId: teamA.id,
    goalId: goal.id,
  })
  await db.pdsaCycle.update({ where: { id: cycle.id }, data: { changeIdeaId: changeIdea.id } })
  const comment = await db.comment.create({
    data: {
      districtId: district.id,
      cycleId: cycle.id,
      authorId: users.coach.id,
      body: 'What is your prediction?',
      requiresResponse: true,
      feedbackState: 'requested',
    },
  })
  return {
    district,
    schoolA,
    schoolB,
    teamA,
    teamB,
    groups,
    measure,
    users,
    actors,
    goal,
    primary,
    secondary,
    changeIdea,
    districtGoal,
    cycle,
    comment,
  }
}
export type World = Awaited<ReturnType<typeof createWorld>>
