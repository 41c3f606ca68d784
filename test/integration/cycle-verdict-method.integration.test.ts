// What the verdict service hands the engine for a calendar-aware verdict (issue 9): comparison series
// only from schools that ran no cycle on the measure, read from suppressed cells; earlier cycles on the
// same series in order; the measure's accumulation and cadence and the district's school-year start;
// isFinal for complete cycles — with a fixed number of queries; and the final words of a short cycle.
import type { CycleVerdictInput } from '@pdsa/analytics'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../server/db/client.ts'
import { computeCycleVerdicts } from '../../server/services/analytics/cycle-verdicts.ts'
import { loadCycleVerdictBadges } from '../../server/services/coach/cycle-verdict-badges.ts'
import { readDistrictDataVersion } from '../../server/services/district/derived-cache.ts'
import { exportCyclesCsv } from '../../server/services/exports/cycles-csv.ts'
import { createWorld, insertCycle, insertSchool, insertTeam, type World } from '../factories/index.ts'
import { insertObservations, type ObservationRowSpec } from '../factories/observations.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

// Every input the service gives the engine, recorded (the engine itself runs unchanged).
const engineInputs = vi.hoisted(() => [] as CycleVerdictInput[])
vi.mock('@pdsa/analytics', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@pdsa/analytics')>()
  return {
    ...actual,
    cycleVerdict: (input: CycleVerdictInput) => {
      engineInputs.push(input)
      return actual.cycleVerdict(input)
    },
  }
})

let database: TestDatabase
let world: World
let schoolC: { id: string }
let schoolD: { id: string }

/** 60 Mondays from 2025-09-01. */
const WEEKS = Array.from({ length: 60 }, (_, i) =>
  new Date(Date.UTC(2025, 8, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
)
const week = (i: number) => WEEKS[i] as string
const wobble = (i: number) => [0, 2, -1, 1, -2, 1, 0, -1, 2, -1][i % 10] as number
/** School C's English learners are a small cell (n = 7 < 10) in these weeks. */
const SMALL_AT_C = new Set([week(50), week(51)])

function rows(w: World, small: ReadonlySet<string> = new Set()): ObservationRowSpec[] {
  return WEEKS.flatMap((period, i) => {
    const elN = small.has(period) ? 7 : 60
    return [
      { studentGroupId: w.groups.ALL.id, period, numerator: 80 + wobble(i), denominator: 400 },
      { studentGroupId: w.groups.EL.id, period, numerator: Math.min(elN, 18 + wobble(i)), denominator: elN },
    ]
  })
}

async function cycleAt(
  schoolId: string,
  teamId: string,
  args: {
    title: string
    start: string
    end: string
    groupId?: string | null
    stage?: 'plan' | 'do' | 'complete'
    decision?: 'adopt' | 'adapt' | 'abandon' | null
  },
) {
  const c = await insertCycle(database.db, {
    districtId: world.district.id,
    schoolId,
    teamId,
    title: args.title,
  })
  await database.db.pdsaCycle.update({
    where: { id: c.id },
    data: {
      plannedStart: new Date(`${args.start}T00:00:00Z`),
      plannedEnd: new Date(`${args.end}T00:00:00Z`),
      stage: args.stage ?? 'do',
      decision: args.decision ?? null,
    },
  })
  await database.db.cycleMeasure.create({
    data: {
      cycleId: c.id,
      measureId: world.measure.id,
      studentGroupId: args.groupId === undefined ? world.groups.EL.id : args.groupId,
      expectedDirection: 'decrease',
    },
  })
  return c
}

/** The engine input of one cycle's link, from the last computation. */
async function inputFor(cycleId: string): Promise<CycleVerdictInput> {
  engineInputs.length = 0
  await computeCycleVerdicts({ db: database.db, actor: world.actors.leader, cycleIds: [cycleId] })
  const [input] = engineInputs
  if (!input) throw new Error('the engine was not asked')
  return input
}

let focal: { id: string }
let adopted: { id: string }
let abandoned: { id: string }
let otherGroup: { id: string }
let later: { id: string }
let short: { id: string }

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Calendar')
  const db = database.db
  schoolC = await insertSchool(db, world.district.id, { name: 'Calendar Elementary' })
  schoolD = await insertSchool(db, world.district.id, { name: 'Calendar Academy' })
  const teamC = await insertTeam(db, world.district.id, schoolC.id, 'Attendance team C')
  await db.district.update({ where: { id: world.district.id }, data: { schoolYearStart: '08-15' } })
  await db.measure.update({ where: { id: world.measure.id }, data: { accumulation: 'to_date' } })
  const observe = (schoolId: string, small?: ReadonlySet<string>) =>
    insertObservations(db, {
      districtId: world.district.id,
      measureId: world.measure.id,
      schoolId,
      rows: rows(world, small),
    })
  // A: the cycles' school; B: runs a cycle on the measure; C: none (small cells twice); D: no data.
  await observe(world.schoolA.id)
  await observe(world.schoolB.id)
  await observe(schoolC.id, SMALL_AT_C)
  await cycleAt(world.schoolB.id, world.teamB.id, {
    title: 'B plans one',
    start: week(55),
    end: week(58),
    stage: 'plan',
  })
  const onA = (args: Parameters<typeof cycleAt>[2]) => cycleAt(world.schoolA.id, world.teamA.id, args)
  adopted = await onA({
    title: 'Morning greeters',
    start: week(20),
    end: week(26),
    stage: 'complete',
    decision: 'adopt',
  })
  abandoned = await onA({
    title: 'Raffle',
    start: week(30),
    end: week(35),
    stage: 'complete',
    decision: 'abandon',
  })
  otherGroup = await onA({ title: 'All-students push', start: week(32), end: week(36), groupId: null })
  focal = await onA({ title: 'Family texts', start: week(44), end: week(52) })
  later = await onA({ title: 'Next ramp', start: week(54), end: week(58), stage: 'plan' })
  short = await onA({
    title: 'Short one',
    start: week(57),
    end: week(59),
    stage: 'complete',
    decision: 'adapt',
  })
  void teamC
})
afterAll(() => database.close())

describe('the calendar-aware inputs of a cycle verdict', () => {
  it('passes the measure’s accumulation and cadence and the district’s school-year start', async () => {
    const input = await inputFor(focal.id)
    expect(input.measure).toMatchObject({
      accumulation: 'to_date',
      cadence: 'weekly',
      schoolYearStart: '08-15',
      chartType: 'p',
      higherIsBetter: false,
    })
    expect(input.cycle).toEqual({ start: week(44), end: week(52), lagDays: 0 })
  })

  it('compares only with schools that ran no cycle on the measure, and only those with data', async () => {
    const input = await inputFor(focal.id)
    expect(input.comparison?.map((c) => c.id)).toEqual([schoolC.id])
    expect(input.comparison?.map((c) => c.id)).not.toContain(schoolD.id)
    expect(input.comparison?.[0]?.observations).toHaveLength(WEEKS.length)
  })

  it('never passes a small cell’s numbers in a comparison series', async () => {
    const input = await inputFor(focal.id)
    const series = input.comparison?.[0]?.observations ?? []
    for (const o of series.filter((x) => SMALL_AT_C.has(x.period))) {
      expect(o).toEqual({ period: o.period, numerator: null, denominator: null })
    }
    expect(series.some((o) => o.denominator !== null && (o.denominator ?? 0) < 10)).toBe(false)
    expect(series.find((o) => o.period === week(49))).toMatchObject({ denominator: 60 })
  })

  it('passes the earlier cycles on the same series, oldest first, with their decisions', async () => {
    const input = await inputFor(focal.id)
    expect(input.priorCycles).toEqual([
      { start: week(20), end: week(26), lagDays: 0, decision: 'adopt' },
      { start: week(30), end: week(35), lagDays: 0, decision: 'abandon' },
    ])
    // Neither the all-students cycle nor later ones are earlier cycles of the English learners' series.
    void otherGroup
    void later
    expect((await inputFor(adopted.id)).priorCycles).toEqual([])
  })

  it('says a complete cycle is final and a running one is not', async () => {
    expect((await inputFor(short.id)).isFinal).toBe(true)
    expect((await inputFor(focal.id)).isFinal).toBe(false)
    expect((await inputFor(abandoned.id)).isFinal).toBe(true)
  })

  it('stops comparing with a school once it links the measure to a cycle, in any stage', async () => {
    const teamC = await database.db.team.findFirstOrThrow({ where: { schoolId: schoolC.id } })
    const planned = await cycleAt(schoolC.id, teamC.id, {
      title: 'C thinks about it',
      start: week(58),
      end: week(59),
      stage: 'plan',
    })
    expect((await inputFor(focal.id)).comparison).toEqual([])
    await database.db.cycleMeasure.deleteMany({ where: { cycleId: planned.id } })
    await database.db.pdsaCycle.delete({ where: { id: planned.id } })
    expect((await inputFor(focal.id)).comparison?.map((c) => c.id)).toEqual([schoolC.id])
  })

  it('uses a fixed number of queries for 1 and for 6 cycles, comparison series included', async () => {
    let operations = 0
    const counting = database.db.$extends({
      query: {
        async $allOperations({ args, query }) {
          operations++
          return query(args)
        },
      },
    }) as unknown as Db
    const six = [focal.id, adopted.id, abandoned.id, otherGroup.id, later.id, short.id]
    // Both warm (the observations are cached by data version), so only the query shapes are compared.
    await computeCycleVerdicts({ db: database.db, actor: world.actors.leader, cycleIds: six })
    await computeCycleVerdicts({ db: counting, actor: world.actors.leader, cycleIds: [focal.id] })
    const forOne = operations
    operations = 0
    engineInputs.length = 0
    const many = await computeCycleVerdicts({ db: counting, actor: world.actors.leader, cycleIds: six })
    expect(operations).toBe(forOne)
    expect(many.size).toBe(6)
    expect(engineInputs.every((i) => (i.comparison ?? []).length === 1)).toBe(true)
  })
})

describe('the words of a complete cycle with too little data', () => {
  it('reads final, never asking for more weeks', async () => {
    const [v] =
      (await computeCycleVerdicts({ db: database.db, actor: world.actors.member, cycleIds: [short.id] })).get(
        short.id,
      ) ?? []
    expect(v?.verdict).toBe('not_enough_data')
    expect(v?.isFinal).toBe(true)
    expect(v?.message).toMatch(
      /^The cycle ended with 3 of the \d+ values needed; too little data to judge chronic absence rate \(to date\) for English learners\./,
    )
    expect(v?.message).not.toMatch(/more weeks?/)
    expect(v?.method?.summary).toMatch(/^[A-Z].+\. (Shewhart|Laney p′) limits: the week-to-week variation/)
  })
})

describe('the method in words everywhere a verdict is shown', () => {
  it('follows the verdict’s sentence in the badges of the portfolio, the audit and search', async () => {
    const badges = await loadCycleVerdictBadges(database.db, world.actors.leader, [focal.id])
    const [v] =
      (await computeCycleVerdicts({ db: database.db, actor: world.actors.leader, cycleIds: [focal.id] })).get(
        focal.id,
      ) ?? []
    expect(v?.method?.summary).toBeTruthy()
    expect(badges.get(focal.id)?.[0]?.message).toBe(`${v?.message} ${v?.method?.summary}`)
  })

  it('fills the cycles export’s method column, one line per linked measure', async () => {
    const out = await exportCyclesCsv({
      db: database.db,
      actor: world.actors.leader,
      now: new Date('2026-12-05T12:00:00Z'),
      schoolId: world.schoolA.id,
    })
    const rows = Papa.parse<Record<string, string>>(out.csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data
    const row = rows.find((r) => r.title === 'Family texts')
    expect(row?.method).toMatch(
      /^Chronic absence rate \(to date\) \(English learners\): [A-Z].+\. (Shewhart|Laney p′) limits: /,
    )
  })
})

describe('the derived-figure cache', () => {
  it('moves the district’s data version when a cycle’s decision changes (later verdicts re-baseline on it)', async () => {
    const before = await readDistrictDataVersion(database.db, world.district.id)
    await database.db.pdsaCycle.update({ where: { id: abandoned.id }, data: { decision: 'adopt' } })
    expect(await readDistrictDataVersion(database.db, world.district.id)).not.toBe(before)
  })
})
