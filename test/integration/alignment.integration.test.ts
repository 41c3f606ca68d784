import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  actorFor,
  createWorld,
  insertGoal,
  insertMeasure,
  insertUser,
  type World,
} from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
let unalignedGoalId: string
let wrongWayGoalId: string
const app = { now: () => new Date('2026-10-20T12:00:00Z') }

/** Weekly suspension counts at school B: SED students suspended at 4× the rate of everyone else. */
async function seedSuspensions(w: World) {
  const db = database.db
  const susp = await insertMeasure(db, w.district.id, { code: 'SUSP' })
  await db.measure.update({ where: { id: susp.id }, data: { name: 'Suspension rate', isAdverseEvent: true } })
  // The race/ethnicity partition is complete (AA + WH = ALL), as a school reports it: with AA alone, the
  // release (ADR 017) would hide all students too, since all students ≥ AA is the only relation.
  const white = await db.studentGroup.create({
    data: { districtId: w.district.id, code: 'WH', name: 'White', category: 'race_ethnicity', sortOrder: 25 },
  })
  const cells = [
    { group: w.groups.ALL.id, numerator: 25, denominator: 500 },
    { group: w.groups.SED.id, numerator: 16, denominator: 100 }, // 16% vs 9/400 = 2.25%: large gap
    { group: w.groups.EL.id, numerator: 3, denominator: 80 }, // 3.75% vs 22/420 = 5.2%: no gap
    { group: w.groups.AA.id, numerator: 4, denominator: 8 }, // n < 10: suppressed, never judged
    { group: white.id, numerator: 21, denominator: 492 }, // hidden too (complementary)
  ]
  await db.observation.createMany({
    data: cells.map((c) => ({
      districtId: w.district.id,
      measureId: susp.id,
      schoolId: w.schoolB.id,
      studentGroupId: c.group,
      period: new Date('2026-10-12'),
      value: (c.numerator / c.denominator) * 100,
      numerator: c.numerator,
      denominator: c.denominator,
      source: 'manual' as const,
    })),
  })
}

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
  const db = database.db
  // world.goal (team A, chronic absence for Black students) serves LCAP 2; its cycle is in Plan.
  await db.equityGoalAlignment.create({
    data: { equityGoalId: world.goal.id, districtGoalId: world.districtGoal.id },
  })
  await db.cycleMeasure.create({
    data: { cycleId: world.cycle.id, measureId: world.measure.id, expectedDirection: 'decrease' },
  })
  // A team B goal aligned to nothing, whose target moves the wrong way (chronic absence up), with no cycle.
  const goalB = await insertGoal(db, {
    districtId: world.district.id,
    schoolId: world.schoolB.id,
    teamId: world.teamB.id,
    measureId: world.measure.id,
    focalGroupId: world.groups.EL.id,
  })
  await db.equityGoal.update({
    where: { id: goalB.id },
    data: { title: 'Keep absence low', targetValue: 40 },
  })
  unalignedGoalId = goalB.id
  wrongWayGoalId = goalB.id
  // A district goal nothing aligns to.
  await db.districtGoal.create({
    data: { districtId: world.district.id, code: 'LCAP 3', title: 'Climate', startYear: 2024, endYear: 2027 },
  })
  await seedSuspensions(world)
})
afterAll(() => database.close())

describe('district.alignment', () => {
  it('builds the tree district goal → goals → change ideas → cycles → measures with counts', async () => {
    const audit = await callerFor(database.db, world.actors.leader, { app }).district.alignment()
    expect(audit.canExport).toBe(true)
    const lcap2 = audit.districtGoals.find((d) => d.code === 'LCAP 2')
    expect(lcap2).toMatchObject({
      schoolCount: 1,
      goalCount: 1,
      changeIdeaCount: 1,
      cycleCount: 1,
      activeCycles: 1,
    })
    const goal = lcap2?.goals[0]
    expect(goal).toMatchObject({
      id: world.goal.id,
      school: { id: world.schoolA.id },
      team: { id: world.teamA.id },
    })
    expect(goal?.changeIdeas[0]).toMatchObject({ id: world.changeIdea.id, cycleCount: 1 })
    expect(goal?.changeIdeas[0]?.cycles[0]).toMatchObject({
      id: world.cycle.id,
      stage: 'plan',
      measures: [{ id: world.measure.id }],
    })
    expect(audit.unaligned.goals.map((g) => g.id)).toEqual([unalignedGoalId])
    expect(audit.districtGoals.find((d) => d.code === 'LCAP 3')?.goalCount).toBe(0)
    const json = JSON.stringify(audit)
    for (const id of [other.district.id, other.goal.id, other.cycle.id]) expect(json).not.toContain(id)
  })

  it('flags unaligned goals, empty district goals, wrong-way targets, idle goals and unnamed large gaps', async () => {
    const audit = await callerFor(database.db, world.actors.admin, { app }).district.alignment()
    const kinds = (kind: string) => audit.flags.filter((f) => f.kind === kind)
    expect(kinds('goal_unaligned').map((f) => f.goalId)).toEqual([unalignedGoalId])
    expect(kinds('district_goal_without_goals')[0]?.message).toContain('LCAP 3')
    expect(kinds('goal_target_wrong_direction').map((f) => f.goalId)).toEqual([wrongWayGoalId])
    expect(kinds('goal_without_active_cycle').map((f) => f.goalId)).toEqual([wrongWayGoalId])
    // SED students at school B: 16.0% vs 2.3% for all other students, and no goal at school B names them.
    const gaps = kinds('group_gap_unnamed')
    expect(gaps).toHaveLength(1)
    expect(gaps[0]).toMatchObject({ schoolId: world.schoolB.id, studentGroupId: world.groups.SED.id })
    expect(gaps[0]?.message).toContain('16.0%')
    // Graded by one rule (gradeFinding, ADR 026): a wrong-way target, an empty district goal and a
    // severe unnamed gap (16.0% vs 2.3%: ≥ 3× and ≥ 5 points) are high; an unaligned goal is medium; an
    // idle goal is low.
    expect(kinds('goal_target_wrong_direction')[0]?.severity).toBe('high')
    expect(kinds('district_goal_without_goals')[0]?.severity).toBe('high')
    expect(gaps[0]?.severity).toBe('high')
    expect(kinds('goal_unaligned')[0]?.severity).toBe('medium')
    expect(kinds('goal_without_active_cycle')[0]?.severity).toBe('low')
    expect(audit.severityRule).toContain('High:')
    // Findings come most serious first.
    const order = audit.flags.map((f) => f.severity)
    expect(order).toEqual(
      [...order].sort((a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b)),
    )
  })

  it('is for district-wide readers only', async () => {
    const boardMember = await insertUser(database.db, world.district.id, [{ role: 'viewer' }])
    const viewer = await callerFor(database.db, await actorFor(database.db, boardMember.id), {
      app,
    }).district.alignment()
    expect(viewer.canExport).toBe(false)
    for (const key of ['coach', 'lead', 'member', 'viewer', 'principal'] as const) {
      await expect(
        callerFor(database.db, world.actors[key], { app }).district.alignment(),
        key,
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    }
  })
})

describe('district.equityMatrix', () => {
  it('shows schools × groups: goals, unnamed large gaps and suppressed small groups', async () => {
    const matrix = await callerFor(database.db, world.actors.leader, { app }).district.equityMatrix()
    expect(matrix.columns.map((c) => c.code)).toEqual(['ALL', 'EL', 'AA', 'WH', 'SED'])
    const cell = (schoolId: string, groupId: string) =>
      matrix.rows.find((r) => r.school.id === schoolId)?.cells.find((c) => c.studentGroupId === groupId)
    expect(cell(world.schoolA.id, world.groups.AA.id)).toMatchObject({
      status: 'goal',
      goals: [{ id: world.goal.id }],
    })
    expect(cell(world.schoolB.id, world.groups.EL.id)).toMatchObject({ status: 'goal' })
    expect(cell(world.schoolB.id, world.groups.SED.id)).toMatchObject({ status: 'gap_without_goal' })
    expect(cell(world.schoolB.id, world.groups.AA.id)).toMatchObject({ status: 'suppressed', largeGap: null })
    expect(cell(world.schoolA.id, world.groups.SED.id)?.status).toBe('none')
    expect(cell(world.schoolA.id, world.groups.SED.id)?.activeCycles).toBe(0)
    // Cycles in progress per cell: the Black-students goal has its cycle in Plan; the EL goal at school B none.
    expect(cell(world.schoolA.id, world.groups.AA.id)).toMatchObject({
      activeCycles: 1,
      goals: [{ activeCycles: 1, targetWorseThanBaseline: false }],
    })
    // The audit flags the EL goal's target as worse than its baseline: the matrix says so too, by the same
    // rule, so the cell can never read "Narrowing" for it.
    expect(cell(world.schoolB.id, world.groups.EL.id)).toMatchObject({
      activeCycles: 0,
      goals: [{ id: wrongWayGoalId, activeCycles: 0, targetWorseThanBaseline: true }],
    })
    expect(matrix.columns.find((c) => c.code === 'SED')).toMatchObject({
      schoolsWithGoal: 0,
      schoolsWithUnnamedGap: 1,
    })
    expect(matrix.suppressionThreshold).toBe(10)
  })
})

describe('district.alignmentCsv', () => {
  it('exports one row per goal with district goals, change ideas, cycles by stage, measures and findings', async () => {
    const { filename, csv } = await callerFor(database.db, world.actors.leader, {
      app,
    }).district.alignmentCsv()
    expect(filename).toBe('alignment-riverbend-district-2026-10-20.csv')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const row = parsed.data.find((r) => r.Goal === 'Reduce chronic absence for Black students')
    expect(row).toMatchObject({
      'District goals': 'LCAP 2 Engagement',
      Cycles: '1',
      'Cycles in plan': '1',
      'Measures linked by cycles': 'Chronic absence rate (to date)',
      'Change ideas': 'Personal text to families after the 2nd absence (testing)',
    })
    const wrong = parsed.data.find((r) => r.Goal === 'Keep absence low')
    expect(wrong?.['District goals']).toBe('(none)')
    expect(wrong?.Findings).toContain('aligned to no district goal')
    // Type and severity columns, one entry per finding in the Findings order (most severe first).
    expect(wrong?.['Finding types']?.split(' | ')).toEqual([
      'Target worse than baseline',
      'Goal aligned to no district goal',
      'Goal with no active cycle',
    ])
    expect(wrong?.['Finding severities']).toBe('high | medium | low')
    const lcap3 = parsed.data.find((r) => r.Findings?.includes('LCAP 3'))
    expect(lcap3).toMatchObject({
      School: '(district)',
      'Finding types': 'District goal with no school goal',
      'Finding severities': 'high',
    })
  })

  it('follows the school filter: that school’s goals and findings, and the district-wide ones', async () => {
    const caller = callerFor(database.db, world.actors.leader, { app })
    const { filename, csv } = await caller.district.alignmentCsv({ schoolId: world.schoolA.id })
    expect(filename).toMatch(/^alignment-riverbend-district-.+-2026-10-20\.csv$/)
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    const schools = new Set(parsed.data.map((r) => r.School))
    expect([...schools].sort()).toEqual(['(district)', world.schoolA.name].sort())
    expect(parsed.data.some((r) => r.Goal === 'Reduce chronic absence for Black students')).toBe(true)
    expect(parsed.data.some((r) => r.Goal === 'Keep absence low')).toBe(false)
    expect(parsed.data.some((r) => r.Findings?.includes('LCAP 3'))).toBe(true)
    // School B's unnamed SED gap is not in school A's file.
    expect(csv).not.toContain('16.0%')
    // Another district's school is not found; a malformed id is refused at the boundary.
    await expect(caller.district.alignmentCsv({ schoolId: other.schoolA.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(caller.district.alignmentCsv({ schoolId: 'nope' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
  })

  it('neutralises spreadsheet formulas in exported text', async () => {
    await database.db.equityGoal.update({ where: { id: wrongWayGoalId }, data: { title: '=HYPERLINK("x")' } })
    const { csv } = await callerFor(database.db, world.actors.admin, { app }).district.alignmentCsv()
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    await database.db.equityGoal.update({
      where: { id: wrongWayGoalId },
      data: { title: 'Keep absence low' },
    })
  })

  it('is for district leaders and admins only', async () => {
    const boardMember = await insertUser(database.db, world.district.id, [{ role: 'viewer' }])
    const callers = [
      callerFor(database.db, await actorFor(database.db, boardMember.id), { app }),
      callerFor(database.db, world.actors.coach, { app }),
      callerFor(database.db, world.actors.principal, { app }),
    ]
    for (const caller of callers) {
      await expect(caller.district.alignmentCsv()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })
})
