// Seeds the demo district into a fresh in-memory PGlite and checks what landed in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_SIGN_INS,
  type SeedDemoDistrictResult,
  seedDemoDistrict,
} from '../../prisma/seed/demo-district.ts'
import { type OpenDatabase, openDatabase } from '../../server/db/client.ts'
import { migrateDatabase } from '../../server/db/migrate.ts'

const TODAY = '2026-11-24'
let database: OpenDatabase
let result: SeedDemoDistrictResult

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null })
  await migrateDatabase(database)
  result = await seedDemoDistrict(database.db, { today: TODAY })
}, 600_000)

afterAll(async () => {
  await database?.close()
})

describe('seedDemoDistrict', () => {
  it('creates the Riverbend district with its 12 schools and 14 student groups', async () => {
    const db = database.db
    const district = await db.district.findUniqueOrThrow({ where: { slug: 'riverbend' } })
    expect(district.id).toBe(result.districtId)
    expect(district.name).toBe('Riverbend Unified School District')
    expect(district.suppressionThreshold).toBe(10)
    expect(await db.school.count({ where: { districtId: district.id } })).toBe(12)
    expect(await db.studentGroup.count({ where: { districtId: district.id } })).toBe(14)
    expect(await db.team.count()).toBe(result.counts.teams)
  })

  it('gives every role to someone, with the membership scoping rules', async () => {
    const db = database.db
    const memberships = await db.membership.findMany({ include: { team: true } })
    const roles = new Set(memberships.map((m) => m.role))
    expect([...roles].sort()).toEqual([
      'admin',
      'coach',
      'district_leader',
      'team_lead',
      'team_member',
      'viewer',
    ])
    for (const m of memberships) {
      if (m.teamId) expect(m.schoolId).toBe(m.team?.schoolId)
    }
    const districtLevel = memberships
      .filter((m) => m.schoolId === null && m.teamId === null)
      .map((m) => m.role)
    expect(districtLevel.sort()).toEqual(['admin', 'district_leader', 'district_leader', 'viewer'])
    expect(
      memberships.filter((m) => m.role === 'viewer' && m.schoolId !== null && m.teamId === null),
    ).toHaveLength(12)
  })

  it('stores one password hash per demo user and the sign-in accounts exist', async () => {
    const db = database.db
    // Invited people (the demo Outbox) are not generated users: one still has no password, one chose hers.
    const generated = {
      email: { notIn: ['ines.delacroix@riverbend.example', 'tomas.lindqvist@riverbend.example'] },
    }
    expect(await db.password.count({ where: { user: generated } })).toBe(
      await db.user.count({ where: generated }),
    )
    const hashes = await db.password.findMany({
      where: { user: generated },
      select: { hash: true },
      distinct: ['hash'],
    })
    expect(hashes).toHaveLength(1)
    expect(hashes[0]?.hash).toMatch(/^\$argon2id\$/)
    const emails = DEMO_SIGN_INS.map((s) => s.email)
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(emails.length)
  })

  it('has cycles in every stage, ramps, and the transition fields filled', async () => {
    const db = database.db
    const byStage = await db.pdsaCycle.groupBy({ by: ['stage'], _count: true })
    expect(byStage.map((s) => s.stage).sort()).toEqual(['act', 'complete', 'do', 'plan', 'study'])
    expect(await db.pdsaCycle.count()).toBe(result.counts.cycles)
    expect(await db.pdsaCycle.count({ where: { previousCycleId: { not: null } } })).toBeGreaterThan(10)
    expect(await db.pdsaCycle.count({ where: { stage: 'complete', decision: null } })).toBe(0)
    expect(await db.cycleQuestion.count()).toBe(result.counts.cycleQuestions)
    expect(await db.cycleMeasure.count()).toBe(result.counts.cycleMeasures)
  })

  it('stores the observations, with suppressible small cells', async () => {
    const db = database.db
    const count = await db.observation.count()
    expect(count).toBe(result.counts.observations)
    expect(count).toBeGreaterThan(50_000)
    expect(count).toBeLessThanOrEqual(150_000)
    const foster = await db.studentGroup.findFirstOrThrow({ where: { code: 'FOS' } })
    expect(
      await db.observation.count({ where: { studentGroupId: foster.id, denominator: { lt: 10 } } }),
    ).toBeGreaterThan(0)
  })

  it('has coach feedback that still needs a response, and feedback that was answered', async () => {
    const db = database.db
    const open = await db.comment.count({ where: { requiresResponse: true, resolvedAt: null } })
    const answered = await db.comment.findMany({
      where: { requiresResponse: true, resolvedAt: { not: null } },
      include: { replies: true },
    })
    expect(open).toBeGreaterThan(0)
    expect(answered.length).toBeGreaterThan(0)
    for (const c of answered) expect(c.replies.length).toBeGreaterThan(0)
  })

  it('has a history of notifications for every demo sign-in, read and unread', async () => {
    const db = database.db
    const perRole: Record<string, { all: number; unread: number }> = {}
    for (const signIn of DEMO_SIGN_INS) {
      const user = await db.user.findFirstOrThrow({ where: { email: signIn.email } })
      perRole[signIn.role] = {
        all: await db.notification.count({ where: { recipientId: user.id } }),
        unread: await db.notification.count({ where: { recipientId: user.id, readAt: null } }),
      }
    }
    for (const [role, counts] of Object.entries(perRole)) {
      expect(counts.all, role).toBeGreaterThan(0)
      expect(counts.unread, role).toBeGreaterThan(0)
    }
    expect(await db.notification.count({ where: { readAt: { not: null } } })).toBeGreaterThan(0)
    // Every notification links to a page of the app and is unique per person and event.
    expect(await db.notification.count({ where: { NOT: { link: { startsWith: '/' } } } })).toBe(0)
  })

  it('refuses to seed the same database twice', async () => {
    await expect(seedDemoDistrict(database.db, { today: TODAY })).rejects.toThrow(/already exists/)
  })
})

describe('the demo Outbox', () => {
  it('holds invitations, a password reset and the last week’s notification emails, with one invitation still pending', async () => {
    const db = database.db
    const emails = await db.emailMessage.findMany({
      where: { districtId: result.districtId },
      select: { template: true, toAddress: true, status: true, deliveredVia: true, headers: true },
    })
    const account = emails.filter((e) => e.template === 'invitation' || e.template === 'password_reset')
    expect(account.map((e) => `${e.template} ${e.toAddress}`).sort()).toEqual([
      'invitation ines.delacroix@riverbend.example',
      'invitation tomas.lindqvist@riverbend.example',
      'password_reset carmen.reyes@riverbend.example',
    ])
    // Notification emails of the last week (immediate ones and digests, by each person's preferences),
    // each with its one-click unsubscribe.
    const notices = emails.filter((e) => e.template.startsWith('notification'))
    expect(notices.length).toBeGreaterThan(0)
    for (const e of notices) {
      expect((e.headers as Record<string, string>)['List-Unsubscribe']).toMatch(
        /^<http:\/\/localhost:3000\/unsubscribe\?token=/,
      )
    }
    expect(emails.every((e) => e.status === 'sent' && e.deliveredVia === 'outbox')).toBe(true)
    const pending = await db.authToken.findMany({
      where: { districtId: result.districtId, kind: 'invitation', usedAt: null, revokedAt: null },
      select: { user: { select: { email: true } } },
    })
    expect(pending.map((p) => p.user.email)).toEqual(['ines.delacroix@riverbend.example'])
  })
})
