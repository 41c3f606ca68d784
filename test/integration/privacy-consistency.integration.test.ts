// One release, every surface (docs/decisions/017): for the same (measure, school) series, the chart, the
// data table, the CSV export, the gap views, the verdict inputs, the goal page and the equity matrix hide
// exactly the cells of the series' one release decision, for every role — district leaders and the team
// that enters the data included — and show the same numbers where they show a cell. The data is built
// to provoke every way the surfaces used to disagree: two race groups tied in n (the chart and the export
// hid different ones), a year-to-date measure with a group small in some weeks, a rate near 0 %.
import { decideSeriesRelease, otherThanCellId } from '@pdsa/analytics'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateCycleLinks } from '../../server/services/analytics/cycle-verdicts.ts'
import { createWorld, insertCycle, type World } from '../factories/index.ts'
import { insertObservations, type ObservationRowSpec } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { cellKey, gatherSurfaces, notShown, type SeenCell } from '../utils/released-surfaces.ts'

let database: TestDatabase
let world: World
let groups: { id: string; code: string; category: string }[]
const cycleIds: string[] = []
const app = { now: () => new Date('2025-09-30T12:00:00Z') }

/** 16 weeks across the school-year start (07-01): a year-to-date measure restarts in July. */
const WEEKS = Array.from({ length: 16 }, (_, i) =>
  new Date(Date.UTC(2025, 4, 5) + i * 7 * 86_400_000).toISOString().slice(0, 10),
)

function rows(ids: Record<'ALL' | 'EL' | 'AA' | 'SED' | 'WH' | 'HI', string>): ObservationRowSpec[] {
  return WEEKS.flatMap((period, i) => {
    const k = period >= '2025-07-01' ? i - 8 : i // weeks into the school year
    const aaN = i % 4 === 1 ? 6 : 12
    const aa = Math.min(aaN, 1 + (k >> 2))
    const wh = 2 + k
    const hi = 3 + k
    return [
      { studentGroupId: ids.ALL, period, numerator: aa + wh + hi, denominator: aaN + 60 },
      { studentGroupId: ids.AA, period, numerator: aa, denominator: aaN },
      // Tied in n: which one is the complementary cell must not depend on the surface.
      { studentGroupId: ids.WH, period, numerator: wh, denominator: 30 },
      { studentGroupId: ids.HI, period, numerator: hi, denominator: 30 },
      // 1 of 45 (2 %): near 0 %, released as "≤ 5 %".
      { studentGroupId: ids.EL, period, numerator: 1, denominator: 45 },
      { studentGroupId: ids.SED, period, numerator: 2 + k, denominator: 40 },
    ]
  })
}

beforeAll(async () => {
  database = await createTestDatabase()
  const db = database.db
  world = await createWorld(db, 'Consistency')
  const race = async (code: string, name: string, sortOrder: number) =>
    db.studentGroup.create({
      data: { districtId: world.district.id, code, name, category: 'race_ethnicity', sortOrder },
    })
  const wh = await race('WH', 'White', 24)
  const hi = await race('HI', 'Hispanic or Latino', 22)
  await db.measure.update({ where: { id: world.measure.id }, data: { accumulation: 'to_date' } })
  await insertObservations(db, {
    districtId: world.district.id,
    measureId: world.measure.id,
    schoolId: world.schoolA.id,
    rows: rows({
      ALL: world.groups.ALL.id,
      EL: world.groups.EL.id,
      AA: world.groups.AA.id,
      SED: world.groups.SED.id,
      WH: wh.id,
      HI: hi.id,
    }),
  })
  groups = (
    await db.studentGroup.findMany({
      where: { districtId: world.district.id },
      select: { id: true, code: true, category: true },
    })
  ).map((g) => ({ ...g, category: String(g.category) }))
  // One cycle per group (a cycle links a measure once): the verdict inputs of every group.
  for (const group of groups) {
    const cycle = await insertCycle(db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      title: `Cycle for ${group.code}`,
    })
    await db.cycleMeasure.create({
      data: {
        cycleId: cycle.id,
        measureId: world.measure.id,
        studentGroupId: group.category === 'all' ? null : group.id,
        expectedDirection: 'decrease',
      },
    })
    cycleIds.push(cycle.id)
  }
}, 120_000)

afterAll(() => database.close())

/**
 * The series' one release decision, computed here from the stored rows with the package's
 * decideSeriesRelease (not through the server's cache), as `${period}|${groupId}` → cell.
 */
async function decision() {
  const db = database.db
  const [district, measure, groupRows, rows] = await Promise.all([
    db.district.findUniqueOrThrow({ where: { id: world.district.id } }),
    db.measure.findUniqueOrThrow({ where: { id: world.measure.id } }),
    db.studentGroup.findMany({ where: { districtId: world.district.id } }),
    db.observation.findMany({ where: { measureId: world.measure.id, schoolId: world.schoolA.id } }),
  ])
  const tables = new Map<string, { groupId: string; n: number | null; numerator: number | null }[]>()
  for (const r of rows) {
    const period = r.period.toISOString().slice(0, 10)
    tables.set(period, [
      ...(tables.get(period) ?? []),
      { groupId: r.studentGroupId, n: r.denominator, numerator: r.numerator },
    ])
  }
  const release = decideSeriesRelease({
    tables: [...tables].map(([period, cells]) => ({ period, cells })),
    groups: groupRows.map((g) => ({ id: g.id, category: g.category, sortOrder: g.sortOrder })),
    rule: {
      threshold: district.suppressionThreshold,
      accumulation: measure.accumulation,
      schoolYearStart: district.schoolYearStart,
      numeratorKind: 'share',
    },
  })
  const cells = new Map<string, SeenCell>()
  for (const r of rows) {
    const period = r.period.toISOString().slice(0, 10)
    const d = release.cell(period, r.studentGroupId)
    cells.set(
      cellKey(period, r.studentGroupId),
      d.kind === 'shown'
        ? { kind: 'shown', value: r.value, numerator: r.numerator, denominator: r.denominator }
        : d.kind === 'coded'
          ? d
          : { kind: 'hidden', smallCell: d.reason === 'primary' },
    )
  }
  const periods = [...tables.keys()].sort()
  return { release, cells, periods }
}

describe('one release, every surface', () => {
  it('provokes every kind of decision: primary, complementary, year to date, coded', async () => {
    const { release, periods } = await decision()
    const kinds = new Set<string>()
    for (const period of periods) {
      for (const group of groups) {
        const d = release.cell(period, group.id)
        kinds.add(d.kind === 'suppressed' ? d.reason : d.kind)
      }
    }
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['coded', 'complementary', 'primary', 'shown', 'year_to_date']),
    )
  })

  for (const role of ['viewer', 'principal', 'coach', 'member', 'lead', 'leader', 'admin'] as const) {
    it(`shows a ${role} exactly the release on the chart, table, export, gap views and verdict inputs`, async () => {
      const expected = (await decision()).cells
      const caller = callerFor(database.db, world.actors[role], { app })
      const views = await gatherSurfaces(caller, {
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        groups,
        threshold: 10,
      })
      const verdictCells = new Map<string, SeenCell>()
      const { links } = await evaluateCycleLinks({ db: database.db, actor: world.actors[role], cycleIds })
      for (const { link, cells } of links) {
        const groupId = link.studentGroupId ?? world.groups.ALL.id
        for (const c of cells) {
          verdictCells.set(
            cellKey(c.period, groupId),
            c.suppressed || c.value === null
              ? { kind: 'hidden', smallCell: false }
              : { kind: 'shown', value: c.value, numerator: c.numerator, denominator: c.denominator },
          )
        }
      }
      if (verdictCells.size > 0) views.set('verdict inputs', verdictCells)
      const hidden = notShown(expected)
      expect(hidden.size).toBeGreaterThan(0)
      for (const [surface, cells] of views) {
        const seen = new Map([...cells].filter(([key]) => expected.has(key)))
        expect(notShown(seen), `${role}: ${surface} hides other cells than the release`).toEqual(
          new Set([...hidden].filter((key) => seen.has(key))),
        )
        for (const [key, cell] of seen) {
          const want = expected.get(key) as SeenCell
          if (cell.kind === 'shown' && want.kind === 'shown') {
            expect(cell.value, `${role}: ${surface} ${key}`).toBeCloseTo(want.value, 6)
            if (cell.denominator !== null) expect(cell.denominator).toBe(want.denominator)
          } else if (surface === 'table' || surface === 'csv') {
            // The surfaces that say how a cell is withheld say the same: the range, or "n < 10".
            expect(cell, `${role}: ${surface} ${key}`).toEqual(want)
          }
        }
      }
      // Every surface covers the whole series (the chart, table and export every cell; gap views and
      // verdict inputs every cell but all students).
      for (const surface of ['chart', 'table', 'csv']) expect(views.get(surface)?.size).toBe(expected.size)
      expect(views.get('gap')?.size).toBeGreaterThan(WEEKS.length * 4)
      expect(views.get('verdict inputs')?.size).toBeGreaterThan(WEEKS.length * 4)
    })
  }

  it('the goal page and the equity matrix read the same decision at the latest period', async () => {
    const { release, periods } = await decision()
    const latest = periods.at(-1) as string
    const hiddenAt = (cellId: string) => release.cell(latest, cellId).kind !== 'shown'
    for (const role of ['member', 'leader', 'viewer'] as const) {
      const goal = await callerFor(database.db, world.actors[role], { app }).goal.byId({ id: world.goal.id })
      expect(goal.latest?.period).toBe(latest)
      expect(goal.latest?.suppressed, role).toBe(hiddenAt(world.groups.AA.id))
    }
    // A group is judged (not "suppressed") in the large-gap scan only where its cell, all students and
    // its "all other students" remainder are shown.
    const matrix = await callerFor(database.db, world.actors.leader, { app }).district.equityMatrix()
    const row = matrix.rows.find((r) => r.school.id === world.schoolA.id)
    let compared = 0
    for (const cell of row?.cells ?? []) {
      if (cell.studentGroupId === world.groups.ALL.id || cell.status === 'goal') continue
      const category = groups.find((g) => g.id === cell.studentGroupId)?.category
      const remainderHidden = category === 'program' && hiddenAt(otherThanCellId(cell.studentGroupId))
      expect(cell.suppressed, `matrix ${cell.studentGroupId}`).toBe(
        hiddenAt(cell.studentGroupId) || hiddenAt(world.groups.ALL.id) || remainderHidden,
      )
      compared++
    }
    expect(compared).toBeGreaterThanOrEqual(4)
  })
})
