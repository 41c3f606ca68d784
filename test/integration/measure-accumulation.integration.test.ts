// Issue 9, item 1 and the planning-time part of item 5: measures say how they accumulate, districts
// their school-year start; the import warns about year-to-date counts that fall; a cycle linked to a
// measure whose cadence cannot fill its window is flagged while it is planned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertMeasure, type World } from '../factories/index.ts'
import { insertObservations } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
})
afterAll(() => database.close())

// Wednesday 4 March 2026.
const app = { now: () => new Date('2026-03-04T15:00:00Z') }
const as = (key: keyof World['actors']) => callerFor(database.db, world.actors[key], { app })
const code = () => `M-${Math.random().toString(36).slice(2, 8)}`
const newMeasure = (over: Record<string, unknown> = {}) => ({
  code: code(),
  name: 'Suspension rate (to date)',
  family: 'outcome' as const,
  unit: 'percent' as const,
  higherIsBetter: false,
  cadence: 'weekly' as const,
  ...over,
})

describe('measure accumulation', () => {
  it('is per period unless the measure says year to date, in create, byId and the library', async () => {
    const plain = await as('admin').measure.create(newMeasure({ name: 'Attendance rate' }))
    expect(plain.accumulation).toBe('period')
    const toDate = await as('admin').measure.create(newMeasure({ accumulation: 'to_date' }))
    expect(toDate).toMatchObject({ accumulation: 'to_date', schoolYearStart: '07-01' })
    const library = await as('viewer').measure.list({})
    expect(library.find((m) => m.id === toDate.id)?.accumulation).toBe('to_date')
    expect(library.find((m) => m.id === plain.id)?.accumulation).toBe('period')
    const toDateOnly = await as('viewer').measure.list({ accumulation: 'to_date' })
    expect(toDateOnly.map((m) => m.id)).toContain(toDate.id)
    expect(toDateOnly.every((m) => m.accumulation === 'to_date')).toBe(true)
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: 'measure.create', entityId: toDate.id },
    })
    expect(audit.after).toMatchObject({ accumulation: 'to_date' })
    await expect(
      as('admin').measure.create(newMeasure({ accumulation: 'cumulative' })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^accumulation: /) })
  })

  it('may change on a measure with data, and the change is audited before and after', async () => {
    const measure = await as('admin').measure.create(newMeasure())
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: measure.id,
      schoolId: world.schoolA.id,
      rows: [{ studentGroupId: world.groups.ALL.id, period: '2026-02-02', numerator: 3, denominator: 300 }],
    })
    const updated = await as('admin').measure.update({ id: measure.id, accumulation: 'to_date' })
    expect(updated).toMatchObject({ accumulation: 'to_date', observationCount: 1 })
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: 'measure.update', entityId: measure.id },
    })
    expect(audit.before).toEqual({ accumulation: 'period' })
    expect(audit.after).toEqual({ accumulation: 'to_date' })
    // the cadence, by contrast, stays fixed once there is data
    await expect(as('admin').measure.update({ id: measure.id, cadence: 'monthly' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    })
    await expect(
      as('viewer').measure.update({ id: measure.id, accumulation: 'period' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('district school-year start', () => {
  it('is July 1 by default; admins change it (audited), leaders read it, nonsense days are refused', async () => {
    expect(await as('leader').org.districtSettings()).toMatchObject({ schoolYearStart: '07-01' })
    const saved = await as('admin').org.updateDistrictSettings({ schoolYearStart: '08-15' })
    expect(saved).toMatchObject({ schoolYearStart: '08-15' })
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: 'district.update', districtId: world.district.id },
      orderBy: { createdAt: 'desc' },
    })
    expect(audit.before).toEqual({ schoolYearStart: '07-01' })
    expect(audit.after).toEqual({ schoolYearStart: '08-15' })
    for (const [bad, message] of [
      ['02-30', 'schoolYearStart: 02-30 is not a day of the calendar.'],
      ['02-29', 'schoolYearStart: February 29 is not in every year; choose another day.'],
      ['8-15', 'schoolYearStart: Use MM-DD, e.g. 07-01 for July 1.'],
    ] as const) {
      await expect(as('admin').org.updateDistrictSettings({ schoolYearStart: bad })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message,
      })
    }
    await expect(as('leader').org.updateDistrictSettings({ schoolYearStart: '09-01' })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    )
    expect(await as('leader').org.districtSettings()).toMatchObject({ schoolYearStart: '08-15' })
    await as('admin').org.updateDistrictSettings({ schoolYearStart: '07-01' })
  })
})

describe('import: year-to-date counts that fall', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
  const upload = (rows: string[][]) => ({
    fileName: 'suspensions.csv',
    contentBase64: b64(
      ['measure,school,period,student_group,numerator,denominator', ...rows.map((r) => r.join(','))].join(
        '\n',
      ),
    ),
  })

  it('warns on the rows (against the file and the stored values) and still imports them', async () => {
    const toDate = await as('admin').measure.create(newMeasure({ accumulation: 'to_date' }))
    const perPeriod = await as('admin').measure.create(newMeasure({ name: 'Suspensions this week' }))
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: toDate.id,
      schoolId: world.schoolA.id,
      rows: [{ studentGroupId: world.groups.EL.id, period: '2026-01-26', numerator: 20, denominator: 80 }],
    })
    const a = world.schoolA.code
    const file = upload([
      [toDate.code, a, '2026-02-02', 'ALL', '24', '300'], // row 2
      [toDate.code, a, '2026-02-09', 'ALL', '22', '300'], // row 3: a little lower (a status lost): fine
      [toDate.code, a, '2026-02-16', 'ALL', '6', '301'], // row 4: less than half of row 3
      [toDate.code, a, '2026-02-02', 'EL', '8', '80'], // row 5: less than half of the stored 20 of 2026-01-26
      [perPeriod.code, a, '2026-02-02', 'ALL', '9', '300'], // row 6
      [perPeriod.code, a, '2026-02-09', 'ALL', '2', '300'], // row 7: per period, may fall
      [toDate.code, a, '2025-06-30', 'AA', '30', '40'], // row 8: 2024–25
      [toDate.code, a, '2025-07-07', 'AA', '1', '40'], // row 9: a new school year (July 1) starts afresh
    ])
    const preview = await as('lead').data.previewImport(file)
    expect(preview.counts).toMatchObject({ rows: 8, valid: 8, invalid: 0 })
    expect(preview.errorCount).toBe(0)
    expect(preview.warningCount).toBe(2)
    expect(preview.warnings).toEqual([
      {
        row: 4,
        message: `Row 4: numerator 6 is less than half of 22 on 2026-02-09 (row 3) for ${toDate.code} at ${a}, student group ALL. ${toDate.code} counts the school year to date (2025–26), and a count to date does not halve from one period to the next: check the row, or whether the file holds each period’s own counts.`,
      },
      {
        row: 5,
        message: expect.stringMatching(
          new RegExp(
            `^Row 5: numerator 8 is less than half of 20 on 2026-01-26 \\(stored\\) for ${toDate.code} at ${a}, student group EL\\.`,
          ),
        ),
      },
    ])
    const result = await as('lead').data.commitImport({ ...file, mode: 'all' })
    expect(result).toMatchObject({ inserted: 8, updated: 0 })
  })

  it('warns on a file row more than twice the stored value of a later period of the same school year', async () => {
    const toDate = await as('admin').measure.create(newMeasure({ accumulation: 'to_date' }))
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: toDate.id,
      schoolId: world.schoolA.id,
      rows: [{ studentGroupId: world.groups.ALL.id, period: '2026-02-16', numerator: 6, denominator: 300 }],
    })
    const preview = await as('lead').data.previewImport(
      upload([[toDate.code, world.schoolA.code, '2026-02-09', 'ALL', '14', '300']]),
    )
    expect(preview.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^Row 2: numerator 14 is more than twice the stored 6 of the later period 2026-02-16 for /,
      ),
    ])
  })

  it('follows the district’s school-year start', async () => {
    const toDate = await as('admin').measure.create(newMeasure({ accumulation: 'to_date' }))
    const rows = [
      [toDate.code, world.schoolA.code, '2025-08-04', 'ALL', '40', '300'],
      [toDate.code, world.schoolA.code, '2025-08-18', 'ALL', '2', '300'],
    ]
    expect((await as('lead').data.previewImport(upload(rows))).warningCount).toBe(1)
    await as('admin').org.updateDistrictSettings({ schoolYearStart: '08-15' })
    try {
      expect((await as('lead').data.previewImport(upload(rows))).warningCount).toBe(0)
    } finally {
      await as('admin').org.updateDistrictSettings({ schoolYearStart: '07-01' })
    }
  })
})

describe('method check: a measure too slow for the cycle window', () => {
  it('flags a term measure linked to a 6-week cycle while it is planned: cycle page, board, coach', async () => {
    const term = await insertMeasure(database.db, world.district.id, { code: code() })
    await database.db.measure.update({
      where: { id: term.id },
      data: { name: 'D/F rate', cadence: 'term' },
    })
    const cycle = await database.db.pdsaCycle.create({
      data: {
        districtId: world.district.id,
        schoolId: world.schoolA.id,
        teamId: world.teamA.id,
        title: 'Retake week for quiz Fs',
        plannedStart: new Date('2026-03-09'),
        plannedEnd: new Date('2026-04-17'),
        scale: 'Two algebra classes',
        cycleNumber: 2,
      },
    })
    await as('lead').cycle.saveMeasures({
      id: cycle.id,
      measures: [{ measureId: term.id, expectedDirection: 'decrease' }],
    })
    const expected = {
      kind: 'measure_too_slow_for_window',
      message:
        '“D/F rate” is reported once a term: this 6-week cycle may not see a single value of it, and a verdict needs 6. ' +
        'Link a weekly measure to judge the cycle; a measure reported once a term or a year shows the longer-term outcome, not one cycle’s effect.',
    }
    const page = await as('lead').cycle.byId({ id: cycle.id })
    expect(page.stage).toBe('plan')
    expect(page.methodChecks).toContainEqual(expected)
    const board = await as('member').cycle.board({ teamId: world.teamA.id })
    const card = board.stages.flatMap((s) => s.cycles).find((c) => c.id === cycle.id)
    expect(card?.warnings).toContainEqual(expected)
    const portfolio = await as('coach').coach.portfolio()
    expect(portfolio.cycles.find((c) => c.id === cycle.id)?.checks).toContainEqual(expected)

    // a weekly measure linked beside it: the check says what the verdict will rest on
    await as('lead').cycle.saveMeasures({
      id: cycle.id,
      measures: [
        { measureId: term.id, expectedDirection: 'decrease' },
        { measureId: world.measure.id, expectedDirection: 'decrease' },
      ],
    })
    const again = await as('lead').cycle.byId({ id: cycle.id })
    expect(again.methodChecks.find((c) => c.kind === expected.kind)?.message).toMatch(
      /The cycle’s verdict will rest on “Chronic absence rate \(to date\)”\.$/,
    )
    // only the weekly measure: nothing to flag
    await as('lead').cycle.saveMeasures({
      id: cycle.id,
      measures: [{ measureId: world.measure.id, expectedDirection: 'decrease' }],
    })
    const weekly = await as('lead').cycle.byId({ id: cycle.id })
    expect(weekly.methodChecks.map((c) => c.kind)).not.toContain(expected.kind)
  })
})
