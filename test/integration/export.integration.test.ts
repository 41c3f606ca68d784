// CSV exports (issue 5): small-cell suppression with complementary suppression, the formula-injection
// guard, and tenancy.
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { insertObservations } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
let hispanicId: string

const app = { now: () => new Date('2026-03-04T15:00:00Z') }
const as = (w: World, key: keyof World['actors']) => callerFor(database.db, w.actors[key], { app })

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
  expect(result.errors).toEqual([])
  return result.data
}

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
  const hispanic = await database.db.studentGroup.create({
    data: {
      districtId: world.district.id,
      code: 'HI',
      name: 'Hispanic or Latino',
      category: 'race_ethnicity',
      sortOrder: 25,
    },
  })
  hispanicId = hispanic.id
  const g = world.groups
  await insertObservations(database.db, {
    districtId: world.district.id,
    measureId: world.measure.id,
    schoolId: world.schoolA.id,
    rows: [
      // 2026-02-02: EL is a small cell (6 < 10).
      { studentGroupId: g.ALL.id, period: '2026-02-02', numerator: 20, denominator: 100 },
      { studentGroupId: g.EL.id, period: '2026-02-02', numerator: 2, denominator: 6 },
      { studentGroupId: g.SED.id, period: '2026-02-02', numerator: 10, denominator: 50 },
      // 2026-02-09: AA (8) + HI (92) = ALL (100): hiding AA alone would leave it recoverable.
      { studentGroupId: g.ALL.id, period: '2026-02-09', numerator: 20, denominator: 100 },
      { studentGroupId: g.AA.id, period: '2026-02-09', numerator: 3, denominator: 8 },
      { studentGroupId: hispanic.id, period: '2026-02-09', numerator: 17, denominator: 92 },
      // 2026-02-16: nothing small.
      { studentGroupId: g.ALL.id, period: '2026-02-16', numerator: 25, denominator: 100 },
    ],
  })
  await database.db.school.update({
    where: { id: world.schoolA.id },
    data: { name: '=HYPERLINK("http://evil.example","Click")' },
  })
  await database.db.pdsaCycle.update({
    where: { id: world.cycle.id },
    data: { title: '@SUM(A1:A9)', objectiveText: '+1 text with, a comma\nand a second line' },
  })
})
afterAll(() => database.close())

describe('data.exportObservations', () => {
  it('suppresses small cells as n<10 with blank numbers, for every role, team members included', async () => {
    for (const key of ['lead', 'viewer', 'leader'] as const) {
      const out = await as(world, key).data.exportObservations({ measureId: world.measure.id })
      expect(out.fileName).toMatch(/^observations-.*-2026-03-04\.csv$/)
      const rows = parse(out.csv)
      expect(Object.keys(rows[0] ?? {})).toEqual([
        'measure',
        'measure_name',
        'school',
        'school_name',
        'period',
        'student_group',
        'student_group_name',
        'value',
        'numerator',
        'denominator',
        'suppressed',
        'source',
      ])
      const el = rows.find((r) => r.period === '2026-02-02' && r.student_group === 'EL')
      expect(el).toMatchObject({ value: 'n<10', numerator: '', denominator: '', suppressed: 'n<10' })
      const all = rows.find((r) => r.period === '2026-02-16' && r.student_group === 'ALL')
      expect(all).toMatchObject({ value: '25', numerator: '25', denominator: '100', suppressed: '' })
      // Nothing in the file reveals the small cell's numbers.
      expect(out.csv).not.toMatch(/,2,6,/)
    }
  })

  it('applies complementary suppression so a hidden cell cannot be recovered by subtraction', async () => {
    const out = await as(world, 'leader').data.exportObservations({ measureId: world.measure.id })
    const week = parse(out.csv).filter((r) => r.period === '2026-02-09')
    const aa = week.find((r) => r.student_group === 'AA')
    expect(aa).toMatchObject({ value: 'n<10', denominator: '' })
    const complementary = week.filter((r) => r.suppressed === 'complementary')
    expect(complementary.length).toBeGreaterThanOrEqual(1)
    for (const row of complementary) expect(row).toMatchObject({ value: 'suppressed', denominator: '' })
    // Asking for one group only cannot reveal more than the full export.
    const onlyHi = parse(
      (
        await as(world, 'leader').data.exportObservations({
          measureId: world.measure.id,
          studentGroupIds: [hispanicId, world.groups.ALL.id],
          from: '2026-02-09',
          to: '2026-02-09',
        })
      ).csv,
    )
    expect(onlyHi.map((r) => r.student_group).sort()).toEqual(['ALL', 'HI'])
    expect(onlyHi.filter((r) => r.suppressed !== '').length).toBe(complementary.length)
  })

  it('guards against formula injection', async () => {
    const out = await as(world, 'leader').data.exportObservations({ measureId: world.measure.id })
    const rows = parse(out.csv)
    expect(rows[0]?.school_name).toBe(`'=HYPERLINK("http://evil.example","Click")`)
    expect(out.csv).not.toMatch(/(^|,)=HYPERLINK/m)
  })

  it('filters by school and date range, and refuses schools the caller cannot read', async () => {
    const out = await as(world, 'leader').data.exportObservations({
      measureId: world.measure.id,
      schoolIds: [world.schoolA.id],
      from: '2026-02-10',
    })
    expect(parse(out.csv).map((r) => r.period)).toEqual(['2026-02-16'])
    await expect(
      as(world, 'otherTeamMember').data.exportObservations({
        measureId: world.measure.id,
        schoolIds: [world.schoolA.id],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const own = await as(world, 'otherTeamMember').data.exportObservations({ measureId: world.measure.id })
    expect(own.rowCount).toBe(0)
  })

  it('never exports another district’s data', async () => {
    await expect(
      as(other, 'leader').data.exportObservations({ measureId: world.measure.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      as(other, 'leader').data.exportObservations({
        measureId: other.measure.id,
        schoolIds: [world.schoolA.id],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const theirs = await as(other, 'leader').data.exportObservations({ measureId: other.measure.id })
    expect(theirs.rowCount).toBe(0)
  })
})

describe('data.exportCycles', () => {
  it('writes every worksheet field as text, formula-guarded, for the cycles the caller may read', async () => {
    const out = await as(world, 'lead').data.exportCycles({ teamId: world.teamA.id })
    const rows = parse(out.csv)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      title: `'@SUM(A1:A9)`,
      team: 'Attendance team',
      stage: 'Plan',
      planned_start: '2026-10-05',
      Objective: `'+1 text with, a comma\nand a second line`,
    })
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['measures_and_verdicts', 'decision', 'tasks', 'questions_and_predictions']),
    )
    const all = parse((await as(world, 'leader').data.exportCycles({})).csv)
    expect(all.length).toBeGreaterThanOrEqual(1)
    const otherMember = parse((await as(world, 'otherTeamMember').data.exportCycles({})).csv)
    expect(otherMember.some((r) => r.team === 'Attendance team')).toBe(false)
    await expect(
      as(world, 'otherTeamMember').data.exportCycles({ teamId: world.teamA.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(as(other, 'leader').data.exportCycles({ teamId: world.teamA.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const theirs = (await as(other, 'leader').data.exportCycles({})).csv
    expect(theirs).toContain('Elsewhere Middle')
    expect(theirs).not.toContain('HYPERLINK')
    expect(theirs).not.toContain('@SUM')
  })
})
