// The linked-metric view shows exactly the cycles of its subject (ADR 024): a goal's chart only the
// goal's own cycles — never those of another goal on the same measure at the same school —, the measure
// page every cycle with its team and goal; and every page marks the same signal points for a series,
// with their direction, because the marks come from the cycles' verdicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertGoal, insertMeasure, type World } from '../factories/index.ts'
import { insertObservations, type ObservationRowSpec } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
/** A second goal on the same measure at the same school, for another focal group, with no cycles. */
let newGoalId: string

const WEEKS = Array.from({ length: 60 }, (_, i) =>
  new Date(Date.UTC(2025, 8, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
)
const CYCLE_START = WEEKS[44] as string
const wobble = (i: number) => [0, 2, -1, 1, -2, 1, 0, -1, 2, -1][i % 10] as number

/** Black students (60) fall from ~30 % to ~13 % chronic absence during the cycle; the others hold. */
function rows(w: World): ObservationRowSpec[] {
  return WEEKS.flatMap((period, i) => {
    const during = period >= CYCLE_START
    return [
      { studentGroupId: w.groups.ALL.id, period, numerator: 80 + wobble(i), denominator: 400 },
      {
        studentGroupId: w.groups.AA.id,
        period,
        numerator: during ? 8 + wobble(i) : 18 + wobble(i),
        denominator: 60,
      },
      { studentGroupId: w.groups.EL.id, period, numerator: 15 + wobble(i), denominator: 60 },
      { studentGroupId: w.groups.SED.id, period, numerator: 50 + wobble(i), denominator: 200 },
    ]
  })
}

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Harbor')
  other = await createWorld(database.db, 'Elsewhere')
  await insertObservations(database.db, {
    districtId: world.district.id,
    measureId: world.measure.id,
    schoolId: world.schoolA.id,
    rows: rows(world),
  })
  // The world's goal (Black students) has one cycle, linking the measure for its focal group.
  await database.db.pdsaCycle.update({
    where: { id: world.cycle.id },
    data: {
      actualStart: new Date(`${CYCLE_START}T00:00:00Z`),
      plannedEnd: new Date(`${WEEKS[57]}T00:00:00Z`),
      stage: 'study',
    },
  })
  await database.db.cycleMeasure.create({
    data: {
      cycleId: world.cycle.id,
      measureId: world.measure.id,
      studentGroupId: world.groups.AA.id,
      expectedDirection: 'decrease',
    },
  })
  const newGoal = await insertGoal(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
    measureId: world.measure.id,
    focalGroupId: world.groups.EL.id,
  })
  newGoalId = newGoal.id
})
afterAll(() => database.close())

const seriesInput = (goalId: string | undefined, groupId: string) => ({
  measureId: world.measure.id,
  schoolId: world.schoolA.id,
  view: 'single' as const,
  groupIds: [groupId],
  ...(goalId ? { goalId } : {}),
})

describe('analytics.measureSeries: the cycles of the chart’s subject', () => {
  it('shows a new goal no other goal’s cycles on the same measure at the same school', async () => {
    const view = await callerFor(database.db, world.actors.member).analytics.measureSeries(
      seriesInput(newGoalId, world.groups.EL.id),
    )
    expect(view.subject).toEqual({ kind: 'goal', goalId: newGoalId })
    expect(view.cycles).toEqual([])
    expect(view.series[0]?.points.length).toBe(WEEKS.length)
    expect(view.series[0]?.points.some((p) => p.signal !== null)).toBe(false)
    expect(view.baselineEnd).toBeNull()
  })

  it('shows a goal its own cycles only, and the measure page every cycle with its team and goal', async () => {
    const caller = callerFor(database.db, world.actors.member)
    const own = await caller.analytics.measureSeries(seriesInput(world.goal.id, world.groups.AA.id))
    expect(own.cycles.map((c) => c.id)).toEqual([world.cycle.id])
    const all = await caller.analytics.measureSeries(seriesInput(undefined, world.groups.AA.id))
    expect(all.subject.kind).toBe('measure')
    expect(all.cycles.map((c) => ({ id: c.id, team: c.teamName, goal: c.goalTitle }))).toEqual([
      { id: world.cycle.id, team: 'Attendance team', goal: world.goal.title },
    ])
  })

  it('refuses a goal of another measure and a goal of another district', async () => {
    const caller = callerFor(database.db, world.actors.leader)
    const measure = await insertMeasure(database.db, world.district.id)
    await expect(
      caller.analytics.measureSeries({
        ...seriesInput(world.goal.id, world.groups.AA.id),
        measureId: measure.id,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      caller.analytics.measureSeries(seriesInput(other.goal.id, world.groups.AA.id)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('one baseline and signal rule for every page that plots the series', () => {
  it('marks the same points, with the same direction and centre line, on the goal page and the cycle page', async () => {
    const caller = callerFor(database.db, world.actors.member)
    const goalChart = await caller.analytics.measureSeries(seriesInput(world.goal.id, world.groups.AA.id))
    const cycleView = await caller.analytics.cycleVerdicts({ cycleId: world.cycle.id })
    const cycleChart = (await caller.analytics.cycleCharts({ cycleId: world.cycle.id })).charts[0]?.chart
    const cyclePoints = cycleChart?.points ?? []
    const goalPoints = goalChart.series[0]?.points ?? []
    expect(cycleView.measures[0]?.verdict.verdict).toBe('improved')
    const marked = (points: typeof goalPoints) =>
      points.filter((p) => p.signal).map((p) => `${p.period}:${p.signal?.direction}`)
    const shown = new Set(cyclePoints.map((p) => p.period))
    expect(marked(cyclePoints).length).toBeGreaterThan(0)
    expect(marked(goalPoints.filter((p) => shown.has(p.period)))).toEqual(marked(cyclePoints))
    // Lower is better for chronic absence: the fall is marked better, never with a neutral mark.
    expect(goalPoints.filter((p) => p.signal).every((p) => p.signal?.direction === 'better')).toBe(true)
    // No point outside the cycle's window is flagged by the chart on its own.
    expect(goalPoints.some((p) => p.signal && p.period < CYCLE_START)).toBe(false)
    const centre = (points: typeof goalPoints) => [...new Set(points.map((p) => p.cl))]
    expect(centre(goalPoints.filter((p) => shown.has(p.period)))).toEqual(centre(cyclePoints))
    expect(goalChart.limits).toBe(cycleChart?.limits)
  })
})

describe('one verdict per cycle, leading with the outcome', () => {
  it('says the outcome first on the goal page ramp and gives lists the measure family', async () => {
    const process = await database.db.measure.create({
      data: {
        districtId: world.district.id,
        code: 'TEXTS',
        name: 'Families texted within a day',
        family: 'process',
        unit: 'percent',
        higherIsBetter: true,
        cadence: 'weekly',
        chartType: 'p',
        multiplier: 100,
      },
    })
    await database.db.cycleMeasure.create({
      data: { cycleId: world.cycle.id, measureId: process.id, expectedDirection: 'increase' },
    })
    const caller = callerFor(database.db, world.actors.coach)
    const progress = await caller.analytics.goalProgress({ goalId: world.goal.id })
    const ramp = progress.live.changeIdeas[world.changeIdea.id]?.ramp ?? []
    expect(ramp[0]?.headline.text).toBe('Outcome: improved · Process: not enough data')
    const portfolio = await caller.coach.portfolio()
    const row = portfolio.cycles.find((c) => c.id === world.cycle.id)
    expect(row?.verdicts.map((v) => v.measureFamily).sort()).toEqual(['outcome', 'process'])
  })
})
