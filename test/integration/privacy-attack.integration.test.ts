// The API half of the attack suite (issue 10, docs/decisions/017): the demo district is seeded, and for the
// viewer (board trustee), a coach, a team member and a district leader everything the role can read of a
// sample of (measure, school) series is gathered through the tRPC API — the disaggregated chart, the data
// table, the CSV export, the gap views (whose "all other students" reference is the derived cell), the
// equity matrix's large gaps. An attacker independent of the release code (packages/analytics
// privacy/testing/attacker.ts) then takes the union of what the surfaces show (a cell shown anywhere is
// known) and bounds every small cell by linear programming: across groups (all students − shown groups,
// overlapping categories), across outputs (the union) and across time (to-date floors). The test fails on
// any exact recovery and on any interval narrower than the protection rule.
import {
  type CellRelease,
  decideSeriesRelease,
  type ReleaseGroup,
  type ReleaseRule,
  type ReleaseTableInput,
} from '@pdsa/analytics'
import { DEFAULT_PROTECTION_WIDTH } from '@pdsa/analytics/privacy/release'
import { attackSeries } from '@pdsa/analytics/privacy/testing/attacker'
import { numeratorKindOf, releaseBeforeAdr016 } from '@pdsa/analytics/privacy/testing/series-inputs'
import { demoEmail } from '@pdsa/demo-district'
import { type Actor, canReadSchool } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoDistrict } from '../../prisma/seed/demo-district.ts'
import { loadActor } from '../../server/services/actor.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { cellKey, gatherSurfaces, type SeenCell, type SurfaceViews } from '../utils/released-surfaces.ts'

const TODAY = '2026-11-24'
const app = { now: () => new Date(`${TODAY}T12:00:00Z`) }
/** A weekly year-to-date share and a per-term share: the two shapes the attacks differ on. */
const MEASURES = ['CHRONIC_ABS', 'DF_RATE'] as const
const SCHOOLS_PER_ROLE = 2
const ROLES = ['Viewer', 'Coach', 'Team member', 'District leader'] as const

let database: TestDatabase
let districtId: string
let groups: (ReleaseGroup & { code: string })[]
let rule: Omit<ReleaseRule, 'accumulation' | 'numeratorKind'>
let measures: { id: string; code: string; accumulation: 'period' | 'to_date'; chartType: string }[]
let schools: { id: string; code: string; name: string }[]
/** Over every role's sample: small cells attacked, and exact recoveries the attacker makes of the old rule. */
let attackedSmallCells = 0
let oldRuleRecoveries = 0

beforeAll(async () => {
  database = await createTestDatabase()
  districtId = (await seedDemoDistrict(database.db, { today: TODAY })).districtId
  const db = database.db
  const district = await db.district.findUniqueOrThrow({ where: { id: districtId } })
  rule = { threshold: district.suppressionThreshold, schoolYearStart: district.schoolYearStart }
  groups = (await db.studentGroup.findMany({ where: { districtId } })).map((g) => ({
    id: g.id,
    code: g.code,
    category: g.category,
    sortOrder: g.sortOrder,
  }))
  measures = (
    await db.measure.findMany({
      where: { districtId, code: { in: [...MEASURES] } },
      select: { id: true, code: true, accumulation: true, chartType: true },
    })
  ).sort((a, b) => a.code.localeCompare(b.code))
  schools = await db.school.findMany({
    where: { districtId },
    select: { id: true, code: true, name: true },
    orderBy: { name: 'asc' },
  })
}, 180_000)

afterAll(() => database?.close())

async function actorOf(role: (typeof ROLES)[number]): Promise<Actor> {
  const user = await database.db.user.findFirstOrThrow({ where: { email: demoEmail(role) } })
  const actor = await loadActor(database.db, user.id)
  if (!actor) throw new Error(`no actor for ${role}`)
  return actor
}

/** The stored series: every period's cells, as the release decision and the attacker take them. */
async function trueTables(measureId: string, schoolId: string): Promise<ReleaseTableInput[]> {
  const rows = await database.db.observation.findMany({
    where: { measureId, schoolId },
    select: { period: true, studentGroupId: true, numerator: true, denominator: true },
  })
  const tables = new Map<string, ReleaseTableInput>()
  for (const r of rows) {
    const period = r.period.toISOString().slice(0, 10)
    const table = tables.get(period) ?? { period, cells: [] }
    tables.set(period, table)
    ;(table.cells as { groupId: string; n: number | null; numerator: number | null }[]).push({
      groupId: r.studentGroupId,
      n: r.denominator,
      numerator: r.numerator,
    })
  }
  return [...tables.values()]
}

/**
 * What the role knows of each cell: shown if any surface shows it (outputs that disagree add up), a
 * range if any shows one, else hidden ("n < 10" when any surface says so). A derived "all other
 * students" cell is shown where a gap view gives its rate; otherwise it counts as the release says.
 */
function observedRelease(
  views: SurfaceViews,
  fallback: (period: string, cellId: string) => CellRelease,
  truth: Map<string, { n: number | null; numerator: number | null }>,
) {
  const seen = new Map<string, SeenCell[]>()
  for (const cells of views.values()) {
    for (const [key, cell] of cells) seen.set(key, [...(seen.get(key) ?? []), cell])
  }
  return (period: string, cellId: string): CellRelease => {
    const cells = seen.get(cellKey(period, cellId))
    if (!cells) return fallback(period, cellId)
    const shown = cells.find((c) => c.kind === 'shown')
    if (shown && shown.kind === 'shown') {
      const real = truth.get(cellKey(period, cellId))
      if (real && shown.denominator !== null) expect(shown.denominator).toBe(real.n)
      return { kind: 'shown' }
    }
    const coded = cells.find((c) => c.kind === 'coded')
    if (coded && coded.kind === 'coded') return { kind: 'coded', bound: coded.bound, percent: coded.percent }
    if (cellId.startsWith('other-than:')) return fallback(period, cellId)
    const small = cells.some((c) => c.kind === 'hidden' && c.smallCell)
    return { kind: 'suppressed', reason: small ? 'primary' : 'complementary' }
  }
}

describe('attack suite on the demo district, through the API', () => {
  for (const role of ROLES) {
    it(`finds no exact recovery and no interval narrower than the rule for the ${role}`, async () => {
      const actor = await actorOf(role)
      const caller = callerFor(database.db, actor, { app })
      const readable = schools.filter((s) => canReadSchool(actor, s.id)).slice(0, SCHOOLS_PER_ROLE)
      expect(readable.length).toBeGreaterThan(0)
      let smallCells = 0
      const findings: string[] = []
      for (const measure of measures) {
        for (const school of readable) {
          const tables = await trueTables(measure.id, school.id)
          const input = {
            tables,
            groups,
            rule: {
              ...rule,
              accumulation: measure.accumulation,
              numeratorKind: numeratorKindOf(measure.chartType),
            },
          }
          const views = await gatherSurfaces(caller, {
            measureId: measure.id,
            schoolId: school.id,
            groups,
            threshold: rule.threshold,
            // the derived "all other students" cells are what gap views add; race groups' references
            // are all students − the group, known from the shown cells already
            gapCategories: ['program', 'other', 'intersection'],
          })
          const truth = new Map(
            tables.flatMap((t) => t.cells.map((c) => [cellKey(t.period, c.groupId), c] as const)),
          )
          const decided = decideSeriesRelease(input)
          const release = observedRelease(views, (p, id) => decided.cell(p, id), truth)
          const report = attackSeries(input, release, {
            reasonsVisible: true,
            protectionWidth: DEFAULT_PROTECTION_WIDTH,
          })
          smallCells += report.smallCells
          for (const f of report.findings) {
            findings.push(
              `${measure.code} ${school.code} ${f.period} ${f.cellId} n=${f.n}: n∈[${f.nInterval}] x∈[${f.numeratorInterval}]${f.exact ? ' EXACT' : ''}`,
            )
          }
          // Control: the same attacker on the rule before ADR 016 recovers cells here (the suite can fail).
          const old = attackSeries(
            input,
            releaseBeforeAdr016({ measureCode: measure.code, schoolCode: school.code, ...input }),
            // the old release said "n < 10" for every hidden cell, so the reason told nothing
            { reasonsVisible: false, protectionWidth: DEFAULT_PROTECTION_WIDTH },
          )
          oldRuleRecoveries += old.findings.filter((f) => f.exact).length
          attackedSmallCells += report.smallCells
        }
      }
      expect(DEFAULT_PROTECTION_WIDTH).toBe(3)
      expect(smallCells, 'the sample has small cells to attack').toBeGreaterThan(20)
      expect(findings.slice(0, 20), `${findings.length} findings`).toEqual([])
    }, 120_000)
  }

  it('attacked enough small cells, and recovers cells of the rule before ADR 016 in the same sample', () => {
    expect(attackedSmallCells).toBeGreaterThan(500)
    expect(oldRuleRecoveries).toBeGreaterThan(0)
  })

  it('the equity matrix flags large gaps only on cells the release shows', async () => {
    for (const role of ['Viewer', 'District leader'] as const) {
      const matrix = await callerFor(database.db, await actorOf(role), { app }).district.equityMatrix()
      const gaps = matrix.rows.flatMap((r) => r.cells.flatMap((c) => (c.largeGap ? [c.largeGap] : [])))
      for (const gap of gaps) {
        const tables = await trueTables(gap.measure.id, gap.schoolId)
        const measure = await database.db.measure.findUniqueOrThrow({ where: { id: gap.measure.id } })
        const decided = decideSeriesRelease({
          tables,
          groups,
          rule: {
            ...rule,
            accumulation: measure.accumulation,
            numeratorKind: numeratorKindOf(measure.chartType),
          },
        })
        const all = groups.find((g) => g.category === 'all')?.id ?? ''
        for (const cellId of [gap.studentGroupId, all]) {
          expect(decided.cell(gap.period, cellId), `${role} ${gap.schoolId} ${cellId}`).toEqual({
            kind: 'shown',
          })
        }
      }
    }
  })
})
