import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertCycle, insertGoal, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
  // world.goal aligns to LCAP 2; a goal of team B aligns to nothing; a school-level goal at school A.
  await database.db.equityGoalAlignment.create({
    data: { equityGoalId: world.goal.id, districtGoalId: world.districtGoal.id },
  })
  const goalB = await insertGoal(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolB.id,
    teamId: world.teamB.id,
    measureId: world.measure.id,
    focalGroupId: world.groups.EL.id,
  })
  await insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolB.id,
    teamId: world.teamB.id,
    goalId: goalB.id,
  })
  await database.db.equityGoal.create({
    data: {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: null,
      title: 'School-wide attendance',
      measureId: world.measure.id,
      focalGroupId: world.groups.AA.id,
      referenceKind: 'all_students',
      baselineValue: 20,
      baselineDate: new Date('2025-09-01'),
      targetValue: 12,
      targetDate: new Date('2026-06-01'),
      alignments: { create: [{ districtGoalId: world.districtGoal.id }] },
    },
  })
})
afterAll(() => database.close())

describe('district.overview', () => {
  it('shows district readers every school with teams, goals, alignment and cycles by stage', async () => {
    const overview = await callerFor(database.db, world.actors.leader).district.overview()
    expect(overview.scope).toBe('district')
    expect(overview.canManageDistrictGoals).toBe(true)
    expect(overview.ownerOptions.map((o) => o.id).sort()).toEqual(
      [world.users.admin.id, world.users.leader.id].sort(),
    )
    expect(overview.schools.map((s) => s.id).sort()).toEqual([world.schoolA.id, world.schoolB.id].sort())
    const schoolA = overview.schools.find((s) => s.id === world.schoolA.id)
    expect(schoolA?.schoolGoals.map((g) => g.title)).toEqual(['School-wide attendance'])
    const teamA = schoolA?.teams.find((t) => t.id === world.teamA.id)
    expect(teamA?.goals[0]).toMatchObject({ id: world.goal.id, districtGoals: [{ code: 'LCAP 2' }] })
    expect(teamA?.cyclesByStage).toEqual({ plan: 1, do: 0, study: 0, act: 0, complete: 0 })
    const teamB = overview.schools.find((s) => s.id === world.schoolB.id)?.teams[0]
    expect(teamB?.goals[0]?.districtGoals).toEqual([])
    expect(overview.districtGoals).toEqual([
      expect.objectContaining({ code: 'LCAP 2', alignedGoalCount: 2, alignedSchoolCount: 1 }),
    ])
    expect(overview.totals).toEqual({ schools: 2, teams: 2, goals: 3, unalignedGoals: 1 })
    const json = JSON.stringify(overview)
    for (const id of [other.district.id, other.schoolA.id, other.goal.id, other.districtGoal.id]) {
      expect(json).not.toContain(id)
    }
  })

  it('shows a principal only their school, read-only', async () => {
    const overview = await callerFor(database.db, world.actors.principal).district.overview()
    expect(overview.scope).toBe('schools')
    expect(overview.canManageDistrictGoals).toBe(false)
    expect(overview.ownerOptions).toEqual([])
    expect(overview.schools.map((s) => s.id)).toEqual([world.schoolA.id])
    expect(overview.districtGoals[0]).toMatchObject({ alignedGoalCount: 2, alignedSchoolCount: 1 })
    expect(overview.totals.goals).toBe(2)
  })

  it('refuses people with only team roles', async () => {
    for (const key of ['coach', 'lead', 'member', 'viewer', 'otherTeamMember'] as const) {
      await expect(callerFor(database.db, world.actors[key]).district.overview(), key).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    }
  })
})
