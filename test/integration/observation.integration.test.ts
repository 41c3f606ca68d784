import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { insertObservations } from '../factories/observations.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
})
afterAll(() => database.close())

// Wednesday 4 March 2026: the week of Monday 2 March is the current period.
const app = { now: () => new Date('2026-03-04T15:00:00Z') }
const as = (key: keyof World['actors']) => callerFor(database.db, world.actors[key], { app })
const batch = (
  rows: { group?: string; period: string; numerator?: number; denominator?: number; value?: number }[],
) => ({
  measureId: world.measure.id,
  schoolId: world.schoolA.id,
  observations: rows.map((r) => ({
    studentGroupId: r.group ?? world.groups.ALL.id,
    period: r.period,
    numerator: r.numerator ?? null,
    denominator: r.denominator ?? null,
    value: r.value ?? null,
  })),
})

describe('observation.save', () => {
  it('rejects a batch with bad rows, naming each row, and writes nothing', async () => {
    const before = await database.db.observation.count()
    const auditBefore = await database.db.auditEvent.count()
    const attempt = as('member').observation.save(
      batch([
        { period: '2026-02-23', numerator: 3, denominator: 20 },
        { period: '2026-02-16', numerator: 30, denominator: 20 },
        { period: '2026-03-09', numerator: 1, denominator: 20 },
        { period: '2026-02-11', numerator: 1, denominator: 20 },
        { period: '2026-02-23', numerator: 2, denominator: 20 },
      ]),
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(
        'observations.1.numerator: The numerator (30) is larger than the denominator (20).',
      ),
    })
    const error = (await attempt.catch((e: unknown) => e)) as {
      message: string
      cause?: { meta?: { fieldErrors?: object } }
    }
    expect(error.message).toContain(
      'observations.2.period: This period starts in the future (after 2026-03-04).',
    )
    expect(error.message).toContain('observations.3.period: Weekly periods start on a Monday.')
    expect(error.message).toContain('observations.4.period: Row 0 already has this student group and period.')
    expect(error.cause?.meta?.fieldErrors).toHaveProperty(['observations.1.numerator'])
    expect(await database.db.observation.count()).toBe(before)
    expect(await database.db.auditEvent.count()).toBe(auditBefore)
  })

  it('judges "in the future" by the district’s date, not the server’s (UTC) one', async () => {
    // Sunday 8 March 2026, 19:00 in Los Angeles, is already Monday 9 March in UTC: the week of Monday
    // 9 March has not begun in the district, in the entry form or in an import.
    const { timeZone } = await database.db.district.findUniqueOrThrow({ where: { id: world.district.id } })
    await database.db.district.update({
      where: { id: world.district.id },
      data: { timeZone: 'America/Los_Angeles' },
    })
    const sundayEvening = { now: () => new Date('2026-03-09T03:00:00Z') }
    const member = callerFor(database.db, world.actors.member, { app: sundayEvening })
    await expect(
      member.observation.save(batch([{ period: '2026-03-09', numerator: 1, denominator: 20 }])),
    ).rejects.toMatchObject({
      message: expect.stringContaining('This period starts in the future (after 2026-03-08).'),
    })
    const csv = [
      'measure,school,period,student_group,numerator,denominator',
      `${world.measure.code},${world.schoolA.code},2026-03-09,ALL,1,20`,
    ].join('\n')
    const preview = await member.data.previewImport({
      fileName: 'next-week.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    })
    expect(JSON.stringify(preview)).toContain('This period starts in the future (after 2026-03-08).')
    await database.db.district.update({ where: { id: world.district.id }, data: { timeZone } })
  })

  it('rejects a half-given ratio with a message naming the row (schema check)', async () => {
    await expect(
      as('member').observation.save(batch([{ period: '2026-02-23', numerator: 3 }])),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('observations.0.') })
  })

  it('computes values, records who entered them, and saving the same batch twice changes nothing', async () => {
    const rows = batch([
      { period: '2026-02-02', numerator: 3, denominator: 20 },
      { period: '2026-02-09', numerator: 5, denominator: 25 },
      { group: world.groups.EL.id, period: '2026-02-09', value: 12.5 },
    ])
    expect(await as('member').observation.save(rows)).toEqual({ inserted: 3, updated: 0, unchanged: 0 })
    const stored = await database.db.observation.findMany({
      where: {
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        period: { lt: new Date('2026-02-16') },
      },
      orderBy: [{ period: 'asc' }, { value: 'asc' }],
    })
    expect(stored.map((o) => o.value)).toEqual([15, 12.5, 20])
    expect(stored.every((o) => o.source === 'manual' && o.enteredById === world.users.member.id)).toBe(true)
    const audits = await database.db.auditEvent.count({ where: { action: 'observation.save' } })
    const stamps = stored.map((o) => o.updatedAt.getTime())

    expect(await as('lead').observation.save(rows)).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
    const again = await database.db.observation.findMany({ where: { id: { in: stored.map((o) => o.id) } } })
    expect(again.map((o) => o.updatedAt.getTime()).sort()).toEqual([...stamps].sort())
    expect(again.every((o) => o.enteredById === world.users.member.id)).toBe(true)
    expect(await database.db.auditEvent.count({ where: { action: 'observation.save' } })).toBe(audits)

    const changed = batch([{ period: '2026-02-02', numerator: 4, denominator: 20 }])
    expect(await as('lead').observation.save(changed)).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: 'observation.save' },
      orderBy: { id: 'desc' },
    })
    expect(audit.before).toMatchObject({ updated: [{ value: 15, numerator: 3 }] })
    expect(audit.after).toMatchObject({ updated: [{ value: 20, numerator: 4 }] })
  })

  it('refuses readers who may not enter the school’s data, and other districts', async () => {
    const rows = batch([{ period: '2026-01-05', numerator: 1, denominator: 20 }])
    await expect(as('viewer').observation.save(rows)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(as('otherTeamMember').observation.save(rows)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.leader, { app }).observation.save(rows),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(
      as('member').observation.save({
        ...rows,
        observations: [{ ...rows.observations[0]!, studentGroupId: other.groups.ALL.id }],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'observations.0.studentGroupId: No such student group.',
    })
  })

  it('deletes observations with an audit event per row', async () => {
    const [row] = await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: world.measure.id,
      schoolId: world.schoolB.id,
      rows: [{ studentGroupId: world.groups.ALL.id, period: '2025-10-06', numerator: 2, denominator: 40 }],
    })
    await expect(as('member').observation.delete({ ids: [row!.id] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await as('leader').observation.delete({ ids: [row!.id] })).toEqual({ deleted: 1 })
    expect(
      await database.db.auditEvent.count({ where: { action: 'observation.delete', entityId: row!.id } }),
    ).toBe(1)
  })
})

describe('observation.list suppression', () => {
  beforeAll(async () => {
    const hispanic = await database.db.studentGroup.create({
      data: {
        districtId: world.district.id,
        code: 'HI',
        name: 'Hispanic or Latino',
        category: 'race_ethnicity',
      },
    })
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      rows: [
        { studentGroupId: world.groups.ALL.id, period: '2025-11-03', numerator: 20, denominator: 100 },
        { studentGroupId: world.groups.AA.id, period: '2025-11-03', numerator: 2, denominator: 5 },
        { studentGroupId: hispanic.id, period: '2025-11-03', numerator: 18, denominator: 95 },
        { studentGroupId: world.groups.EL.id, period: '2025-11-03', numerator: 6, denominator: 30 },
      ],
    })
  })
  const week = { measureId: () => world.measure.id, from: '2025-11-03', to: '2025-11-03' }
  const list = (key: keyof World['actors'], groups?: string[]) =>
    as(key).observation.list({
      measureId: week.measureId(),
      schoolId: world.schoolA.id,
      from: week.from,
      to: week.to,
      ...(groups ? { studentGroupIds: groups } : {}),
    })

  it('shows raw values only in the data-entry grid, to those who may enter the school’s data, and audits it', async () => {
    const grid = await as('member').observation.entryGrid({
      measureId: week.measureId(),
      schoolId: world.schoolA.id,
      from: week.from,
      to: week.to,
    })
    const aa = grid.observations.find((o) => o.studentGroup.code === 'AA')
    expect(aa).toMatchObject({ value: 40, denominator: 5, isSmallCell: true, hiddenElsewhere: true })
    const events = await database.db.auditEvent.findMany({
      where: { action: 'observations.view_raw_small_cells', actorId: world.actors.member.userId },
    })
    expect(events).toHaveLength(1)
    expect(events[0]?.after).toMatchObject({ schoolId: world.schoolA.id, hiddenCells: 2 })
    for (const key of ['viewer', 'coach'] as const) {
      await expect(
        as(key).observation.entryGrid({ measureId: week.measureId(), schoolId: world.schoolA.id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  // The data table follows ADR 017: every role, including those who enter the data, sees the release.
  it('hides small cells and their complements from every role, whatever groups they ask for', async () => {
    for (const key of ['viewer', 'principal', 'coach', 'member', 'leader', 'admin'] as const) {
      const result = await list(key)
      const byCode = Object.fromEntries(result.observations.map((o) => [o.studentGroup.code, o]))
      expect(byCode.AA).toMatchObject({
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
        suppressionReason: 'primary',
      })
      // All students − Hispanic would give the Black students' count: one more cell is hidden.
      expect(byCode.HI).toMatchObject({ value: null, suppressed: true, suppressionReason: 'complementary' })
      expect(byCode.ALL).toMatchObject({ value: 20, suppressed: false })
      expect(byCode.EL).toMatchObject({ value: 20, suppressed: false })
      expect(JSON.stringify(result)).not.toContain('"denominator":5')
    }
    const onlyHispanic = await list('viewer', [
      (
        await database.db.studentGroup.findFirstOrThrow({
          where: { districtId: world.district.id, code: 'HI' },
        })
      ).id,
    ])
    expect(onlyHispanic.observations).toHaveLength(1)
    expect(onlyHispanic.observations[0]).toMatchObject({ suppressed: true, value: null })
  })

  it('returns only the latest N periods with data when asked, each period whole', async () => {
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      rows: ['2025-10-06', '2025-10-13', '2025-10-20', '2025-10-27'].flatMap((period) => [
        { studentGroupId: world.groups.ALL.id, period, numerator: 20, denominator: 100 },
        { studentGroupId: world.groups.EL.id, period, numerator: 6, denominator: 30 },
      ]),
    })
    const latest = await as('member').observation.list({
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      to: '2025-11-03',
      latestPeriods: 2,
    })
    expect([...new Set(latest.observations.map((o) => o.period))]).toEqual(['2025-11-03', '2025-10-27'])
    expect(latest.observations.filter((o) => o.period === '2025-11-03')).toHaveLength(4)
    const upTo = await as('member').observation.list({
      measureId: world.measure.id,
      schoolId: world.schoolA.id,
      to: '2025-10-20',
      latestPeriods: 2,
    })
    expect([...new Set(upTo.observations.map((o) => o.period))]).toEqual(['2025-10-20', '2025-10-13'])
  })

  it('follows the district threshold', async () => {
    await database.db.district.update({ where: { id: world.district.id }, data: { suppressionThreshold: 3 } })
    const result = await list('viewer')
    expect(result.observations.every((o) => !o.suppressed)).toBe(true)
    await database.db.district.update({
      where: { id: world.district.id },
      data: { suppressionThreshold: 10 },
    })
  })

  it('refuses readers of other schools and other districts', async () => {
    await expect(list('otherTeamMember')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      callerFor(database.db, other.actors.leader).observation.list({
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
