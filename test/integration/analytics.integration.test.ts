// Analytics in the product: cycle verdicts (batched), goal gaps, the linked-metric series, and the
// privacy rule of ADR 011 (small cells hidden for everyone in analytics, complements included).
import { otherThanCellId } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/client.ts'
import { computeCycleVerdicts } from '../../server/services/analytics/cycle-verdicts.ts'
import { computeGoalGaps } from '../../server/services/analytics/goal-gaps.ts'
import { clearReleaseCache } from '../../server/services/analytics/release.ts'
import { createWorld, insertCycle, type World } from '../factories/index.ts'
import { insertObservations, type ObservationRowSpec } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

/** 60 Mondays from 2025-09-01; the cycle runs from week 48 (2026-08-03) to week 59. */
const WEEKS = Array.from({ length: 60 }, (_, i) =>
  new Date(Date.UTC(2025, 8, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
)
const CYCLE_START = WEEKS[48] as string
const wobble = (i: number) => [0, 2, -1, 1, -2, 1, 0, -1, 2, -1][i % 10] as number

/**
 * EL (60 students) falls from ~30% to ~13% chronic absence during the cycle; AA is small every 5th week.
 * The race/ethnicity partition is complete (AA + the rest of the school, `restId`), as schools report it:
 * the release (ADR 017) then hides the rest with AA, not all students.
 */
function rows(w: World, restId: string): ObservationRowSpec[] {
  return WEEKS.flatMap((period, i) => {
    const during = period >= CYCLE_START
    const elN = i === 3 ? 7 : 60
    const elNum = i === 3 ? 2 : during ? 8 + wobble(i) : 18 + wobble(i)
    const aaN = i % 5 === 0 ? 6 : 30
    return [
      {
        studentGroupId: w.groups.ALL.id,
        period,
        numerator: (during ? 70 : 80) + wobble(i),
        denominator: 400,
      },
      { studentGroupId: w.groups.EL.id, period, numerator: elNum, denominator: elN },
      {
        studentGroupId: w.groups.AA.id,
        period,
        numerator: Math.min(aaN, 10 + wobble(i)) % (aaN + 1),
        denominator: aaN,
      },
      { studentGroupId: w.groups.SED.id, period, numerator: 50 + wobble(i), denominator: 200 },
      { studentGroupId: restId, period, numerator: 60 + wobble(i), denominator: 400 - aaN },
    ]
  })
}

async function linkCycle(db: Db, w: World, cycleId: string, groupId: string | null) {
  await db.pdsaCycle.update({
    where: { id: cycleId },
    data: { actualStart: new Date(`${CYCLE_START}T00:00:00Z`), plannedEnd: new Date('2026-10-16T00:00:00Z') },
  })
  await db.cycleMeasure.create({
    data: { cycleId, measureId: w.measure.id, studentGroupId: groupId, expectedDirection: 'decrease' },
  })
}

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Harbor')
  other = await createWorld(database.db, 'Elsewhere')
  const rest = await database.db.studentGroup.create({
    data: {
      districtId: world.district.id,
      code: 'WH',
      name: 'White',
      category: 'race_ethnicity',
      sortOrder: 25,
    },
  })
  await insertObservations(database.db, {
    districtId: world.district.id,
    measureId: world.measure.id,
    schoolId: world.schoolA.id,
    rows: rows(world, rest.id),
  })
  await linkCycle(database.db, world, world.cycle.id, world.groups.EL.id)
})
afterAll(() => database.close())

describe('computeCycleVerdicts', () => {
  it('judges each linked measure of a cycle and says it in plain language', async () => {
    const verdicts = await computeCycleVerdicts({
      db: database.db,
      actor: world.actors.member,
      cycleIds: [world.cycle.id],
    })
    const [v] = verdicts.get(world.cycle.id) ?? []
    expect(v).toMatchObject({
      cycleId: world.cycle.id,
      measureId: world.measure.id,
      studentGroupId: world.groups.EL.id,
      studentGroupName: 'English learners',
      verdict: 'improved',
      unit: 'percent',
      window: { start: CYCLE_START, end: '2026-10-16', lagDays: 0 },
    })
    expect(v?.baselineMedian).toBeCloseTo(30, 5)
    expect(v?.evaluationMedian).toBeLessThan(15)
    expect(v?.absoluteChange).toBeLessThan(-15)
    expect(v?.message).toMatch(
      /^Chronic absence rate \(to date\) for English learners fell from a median of 30\.0% to 1\d\.\d%; \d+ points in a row below the baseline average — a signal of improvement\.$/,
    )
    expect(v?.reasons.length).toBeGreaterThan(0)
    expect(v?.reasons[0]?.periods.every((p) => p >= CYCLE_START)).toBe(true)
  })

  it('uses a fixed number of queries for any number of cycles', async () => {
    let operations = 0
    const counting = database.db.$extends({
      query: {
        async $allOperations({ args, query }) {
          operations++
          return query(args)
        },
      },
    }) as unknown as Db
    const more = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const c = await insertCycle(database.db, {
          districtId: world.district.id,
          schoolId: world.schoolA.id,
          teamId: world.teamA.id,
          title: `Ramp ${i}`,
        })
        await linkCycle(database.db, world, c.id, i % 2 ? null : world.groups.SED.id)
        return c.id
      }),
    )
    // Both cold: a warm call reads only the data version instead of the observations.
    clearReleaseCache()
    await computeCycleVerdicts({ db: counting, actor: world.actors.leader, cycleIds: [world.cycle.id] })
    const forOne = operations
    operations = 0
    clearReleaseCache()
    const many = await computeCycleVerdicts({
      db: counting,
      actor: world.actors.leader,
      cycleIds: [world.cycle.id, ...more],
    })
    expect(operations).toBe(forOne)
    expect(many.size).toBe(6)
    // A link without a group reads all students.
    expect(many.get(more[1] as string)?.[0]?.studentGroupName).toBe('all students')
  })

  it('skips cycles the caller may not read, and cycles of other districts', async () => {
    const verdicts = await computeCycleVerdicts({
      db: database.db,
      actor: world.actors.otherTeamMember,
      cycleIds: [world.cycle.id],
    })
    expect(verdicts.size).toBe(0)
    const away = await computeCycleVerdicts({
      db: database.db,
      actor: other.actors.leader,
      cycleIds: [world.cycle.id],
    })
    expect(away.size).toBe(0)
  })

  it('says how much more data is needed when the baseline is too short', async () => {
    const early = await insertCycle(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
    })
    await database.db.pdsaCycle.update({
      where: { id: early.id },
      data: {
        actualStart: new Date(`${WEEKS[6]}T00:00:00Z`),
        plannedEnd: new Date(`${WEEKS[12]}T00:00:00Z`),
      },
    })
    await database.db.cycleMeasure.create({
      data: { cycleId: early.id, measureId: world.measure.id, expectedDirection: 'decrease' },
    })
    const [v] =
      (await computeCycleVerdicts({ db: database.db, actor: world.actors.member, cycleIds: [early.id] })).get(
        early.id,
      ) ?? []
    expect(v?.verdict).toBe('not_enough_data')
    expect(v?.pointsNeeded).toEqual({ baseline: 4, evaluation: 0 })
    expect(v?.message).toContain('4 more weeks of data')
  })
})

describe('privacy in analytics (ADR 011)', () => {
  it('hides small cells for everyone, district leaders included, and never shows their numbers', async () => {
    for (const actor of [world.actors.leader, world.actors.member, world.actors.principal]) {
      const view = await callerFor(database.db, actor).analytics.measureSeries({
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        view: 'single',
        groupIds: [world.groups.AA.id],
      })
      const points = view.series[0]?.points ?? []
      const small = points.filter((_, i) => i % 5 === 0)
      expect(small.length).toBe(12)
      for (const p of small) {
        expect(p).toMatchObject({ suppressed: true, value: null, numerator: null, denominator: null })
      }
      expect(points.filter((p) => p.suppressed).length).toBe(12)
    }
  })

  it('hides a derived "all other students" value whenever the focal cell is hidden', async () => {
    const view = await callerFor(database.db, world.actors.leader).analytics.measureSeries({
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      view: 'gap',
      focalGroupId: world.groups.EL.id,
      reference: 'all_other_students',
    })
    const week3 = view.gap?.series.find((s) => s.period === WEEKS[3])
    expect(week3).toEqual({ period: WEEKS[3], focal: null, reference: null, gap: null })
    expect(view.series[0]?.points.find((p) => p.period === WEEKS[3])?.suppressed).toBe(true)
    // Elsewhere the gap is there: EL − (ALL − EL), in percentage points.
    const week4 = view.gap?.series.find((s) => s.period === WEEKS[4])
    expect(week4?.gap).toBeCloseTo(((18 - 2) / 60 - (78 - 16) / 340) * 100, 9)
    expect(otherThanCellId(world.groups.EL.id)).toContain(world.groups.EL.id)
  })
})

describe('analytics.measureSeries', () => {
  it('shows every cycle window at the school with its verdict, and a baseline frozen at the first cycle', async () => {
    const view = await callerFor(database.db, world.actors.coach).analytics.measureSeries({
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
    })
    expect(view.view).toBe('single')
    expect(view.series[0]?.groupName).toBe('All students')
    expect(view.series[0]?.points).toHaveLength(60)
    expect(view.cycles.map((c) => c.id)).toContain(world.cycle.id)
    const cycle = view.cycles.find((c) => c.id === world.cycle.id)
    expect(cycle?.verdicts[0]?.verdict).toBe('improved')
    // The series is drawn as the first cycle on it (week 6) draws it on its own page (ADR 024): the
    // centre line frozen from the 6 values before that cycle.
    expect(view.cycles[0]?.window.start).toBe(WEEKS[6])
    expect(view.baselineEnd).toBe(WEEKS[6])
    expect(view.series[0]?.baselineCount).toBe(6)
    expect(view.threshold).toBe(10)
    const groups = view.groups.filter((g) => g.hasData).map((g) => g.code)
    expect(groups.sort()).toEqual(['AA', 'ALL', 'EL', 'SED', 'WH'])
  })

  it('disaggregates by group and refuses readers of other schools and other districts', async () => {
    const view = await callerFor(database.db, world.actors.viewer).analytics.measureSeries({
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      view: 'disaggregated',
    })
    expect(view.series.map((s) => s.groupName)).toEqual([
      'All students',
      'English learners',
      'Black or African American',
      'White',
      'Socioeconomically disadvantaged',
    ])
    const input = { measureId: world.measure.id, schoolId: world.schoolA.id }
    await expect(
      callerFor(database.db, world.actors.otherTeamMember).analytics.measureSeries(input),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.leader).analytics.measureSeries(input),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('reads the series again after its observations change (the cache keys on the data version)', async () => {
    const caller = callerFor(database.db, world.actors.coach)
    const input = { measureId: world.measure.id, schoolId: world.schoolA.id }
    const before = await caller.analytics.measureSeries(input)
    const last = before.series[0]?.points.at(-1)
    expect(last?.period).toBe(WEEKS[59])
    const where = {
      measureId_schoolId_studentGroupId_period: {
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        studentGroupId: world.groups.ALL.id,
        period: new Date(`${WEEKS[59]}T00:00:00Z`),
      },
    }
    const row = await database.db.observation.findUniqueOrThrow({ where })
    try {
      // An edit of one value, even within the same millisecond as the cached read, is seen.
      await database.db.observation.update({
        where,
        data: {
          numerator: (row.numerator ?? 0) + 3,
          value: (((row.numerator ?? 0) + 3) / (row.denominator ?? 1)) * 100,
        },
      })
      const edited = await caller.analytics.measureSeries(input)
      expect(edited.series[0]?.points.at(-1)?.numerator).toBe((row.numerator ?? 0) + 3)
      // A deletion is seen, and a range reads only its periods.
      await database.db.observation.delete({ where })
      const deleted = await caller.analytics.measureSeries(input)
      expect(deleted.series[0]?.points.at(-1)?.period).toBe(WEEKS[58])
      const ranged = await caller.analytics.measureSeries({ ...input, from: WEEKS[10], to: WEEKS[19] })
      expect(ranged.series[0]?.points.map((p) => p.period)).toEqual(WEEKS.slice(10, 20))
    } finally {
      const { id: _id, createdAt: _c, updatedAt: _u, ...data } = row
      await database.db.observation.upsert({ where, create: data, update: data })
    }
    const restored = await caller.analytics.measureSeries(input)
    expect(restored.series[0]?.points.at(-1)).toEqual(last)
  })

  it('rejects a range that ends before it starts, naming the field', async () => {
    await expect(
      callerFor(database.db, world.actors.leader).analytics.measureSeries({
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        from: '2026-05-01',
        to: '2026-01-01',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'to: The end is before the start.' })
  })
})

describe('analytics.cycleVerdicts, analytics.cycleCharts and analytics.goalProgress', () => {
  it('gives the cycle panel its verdict cards and charts frozen at the cycle start', async () => {
    const caller = callerFor(database.db, world.actors.viewer)
    const view = await caller.analytics.cycleVerdicts({ cycleId: world.cycle.id })
    const [m] = view.measures
    expect(m?.verdict.verdict).toBe('improved')
    // The verdicts carry no chart points: those load apart, after the page (ADR 027).
    expect(m).not.toHaveProperty('chart')
    const { charts } = await caller.analytics.cycleCharts({ cycleId: world.cycle.id })
    expect(charts.map((c) => c.measureId)).toEqual(view.measures.map((x) => x.measure.id))
    const points = charts[0]?.chart.points ?? []
    const baseline = points.filter((p) => p.isBaseline)
    expect(baseline).toHaveLength(48)
    // One centre line for every point: the baseline's, as the verdict uses it.
    expect(new Set(points.map((p) => p.cl)).size).toBe(1)
    expect(points.some((p) => p.signal?.direction === 'better' && p.period >= CYCLE_START)).toBe(true)
  })

  it('reports the gap since the baseline date and the live diagram of the goal', async () => {
    const goal = await database.db.equityGoal.update({
      where: { id: world.goal.id },
      data: { focalGroupId: world.groups.EL.id, baselineDate: new Date(`${CYCLE_START}T00:00:00Z`) },
    })
    await database.db.pdsaCycle.update({
      where: { id: world.cycle.id },
      data: { decision: 'adapt', drivers: { create: [{ driverId: world.primary.id }] } },
    })
    const gaps = await computeGoalGaps({ db: database.db, actor: world.actors.coach, goalIds: [goal.id] })
    expect(gaps.get(goal.id)).toMatchObject({
      verdict: 'narrowed',
      metric: 'difference',
      latestPeriod: WEEKS[59],
    })
    expect(gaps.get(goal.id)?.message).toMatch(/— a signal that the gap narrowed\.$/)

    const progress = await callerFor(database.db, world.actors.member).analytics.goalProgress({
      goalId: goal.id,
    })
    expect(progress.gap.verdict).toBe('narrowed')
    expect(progress.latest?.period).toBe(WEEKS[59])
    expect(progress.live.changeIdeas[world.changeIdea.id]).toMatchObject({
      cycleCount: 1,
      latestDecision: 'adapt',
      latestCycleId: world.cycle.id,
      signal: { status: 'improved', improved: 1 },
      ramp: [
        { id: world.cycle.id, cycleNumber: 1, headline: { text: 'Outcome: improved', lead: 'improved' } },
      ],
    })
    // The idea's secondary driver and its primary driver both count the cycle.
    expect(progress.live.drivers[world.secondary.id]?.cycleCount).toBe(1)
    expect(progress.live.drivers[world.primary.id]?.signal.status).toBe('improved')
    expect(progress.live.drivers[world.primary.id]?.latestCycleId).toBe(world.cycle.id)
    await expect(
      callerFor(database.db, world.actors.otherTeamMember).analytics.goalProgress({ goalId: goal.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
