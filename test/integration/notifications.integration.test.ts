// Issue 14, part B: what notifies whom (each trigger), never the actor, only people of the district who
// may open the target, once per event; the bell's list and read state; preferences and unsubscribe.
import type { Actor } from '@pdsa/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mirrorCycleTexts } from '../../server/services/collab/mirror-cycle-texts.ts'
import { scanDueNotifications } from '../../server/services/notifications/scan-due-notifications.ts'
import { scanSchoolSignals } from '../../server/services/notifications/scan-school-signals.ts'
import {
  signUnsubscribeToken,
  unsubscribe,
  verifyUnsubscribeToken,
} from '../../server/services/notifications/unsubscribe.ts'
import { createWorld, insertCycle, insertGoal, insertUser, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

const NOW = new Date('2026-11-04T17:00:00Z')
/** People signalled live (the hub's publish), per call. */
const signalled: string[][] = []
const api = (actor: Actor) =>
  callerFor(database.db, actor, { app: { now: () => NOW, onNotified: (ids) => signalled.push(ids) } })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
})
afterAll(() => database.close())

/** The notifications of one event (its dedupe key's start) by recipient name. */
async function recipientsOf(where: { category?: string; link?: { contains: string } }) {
  const rows = await database.db.notification.findMany({
    where: { districtId: world.district.id, ...(where as object) },
    select: { recipient: { select: { name: true } } },
  })
  return rows.map((r) => r.recipient.name).sort()
}

describe('feedback that requires a response', () => {
  it('notifies the cycle’s team (not the coach, not viewers), with a link to the comment, live', async () => {
    signalled.length = 0
    const { id } = await api(world.actors.coach).comment.create({
      cycleId: world.cycle.id,
      body: 'Which students will you start with?',
      requiresResponse: true,
    })
    expect(await recipientsOf({ link: { contains: `#comment-${id}` } })).toEqual([
      'Riverbend Lead',
      'Riverbend Member',
    ])
    const row = await database.db.notification.findFirstOrThrow({
      where: { recipientId: world.users.lead.id, link: { contains: id } },
    })
    expect(row).toMatchObject({
      category: 'feedback_requested',
      actorId: world.users.coach.id,
      link: `/cycles/${world.cycle.id}#comment-${id}`,
      readAt: null,
      // Nobody chose: feedback that requires a response arrives in the daily digest at least.
      delivery: 'daily_digest',
    })
    expect(row.title).toContain('Riverbend Coach asks your team to respond')
    expect(signalled.flat().sort()).toEqual([world.users.lead.id, world.users.member.id].sort())
  })

  it('the team’s reply notifies the coach; accepting or re-opening notifies the team', async () => {
    const { id } = await api(world.actors.coach).comment.create({
      cycleId: world.cycle.id,
      body: 'How will you know it worked?',
      requiresResponse: true,
    })
    const reply = await api(world.actors.member).comment.create({
      cycleId: world.cycle.id,
      parentId: id,
      body: 'Attendance of the 12 students, weekly.',
    })
    expect(reply.answeredParent).toBe(true)
    const replied = await database.db.notification.findMany({
      where: { category: 'feedback_replied', link: { contains: reply.id } },
    })
    expect(replied.map((n) => n.recipientId)).toEqual([world.users.coach.id])

    await api(world.actors.coach).comment.acceptReply({ id })
    const accepted = await database.db.notification.findMany({
      where: { category: 'feedback_resolved', link: { endsWith: `#comment-${id}` } },
    })
    expect(accepted.map((n) => n.recipientId).sort()).toEqual(
      [world.users.lead.id, world.users.member.id].sort(),
    )

    await api(world.actors.coach).comment.reopen({ id })
    const reopened = await database.db.notification.findMany({
      where: { category: 'feedback_requested', title: { contains: 're-opened' }, link: { endsWith: id } },
    })
    expect(reopened.map((n) => n.recipientId).sort()).toEqual(
      [world.users.lead.id, world.users.member.id].sort(),
    )
  })
})

describe('@mentions', () => {
  it('in a comment notify the person mentioned when they may open it; never the author', async () => {
    const { id } = await api(world.actors.lead).comment.create({
      cycleId: world.cycle.id,
      body: '@Riverbend Principal can you join Friday? cc @Riverbend Other, @Elsewhere Lead and @Riverbend Lead',
    })
    // The principal reads the school; the other team's member may not open this cycle; the other
    // district's lead is no one here; the author mentioning themselves is not notified.
    expect(await recipientsOf({ category: 'mention', link: { contains: id } })).toEqual([
      'Riverbend Principal',
    ])
  })

  it('in the worksheet notes, only newly added mentions notify, once', async () => {
    const cycleId = world.cycle.id
    const write = (text: string) =>
      mirrorCycleTexts({
        db: database.db,
        cycleId,
        texts: { plan: text },
        editedAt: NOW,
        editorId: world.users.member.id,
        now: NOW,
      })
    await write('Ask @Riverbend Coach to observe.')
    await write('Ask @Riverbend Coach to observe. Also @Riverbend Member.')
    await write('Ask @Riverbend Coach to observe on Tuesday. Also @Riverbend Member.')
    const rows = await database.db.notification.findMany({
      where: { category: 'mention', link: `/cycles/${cycleId}#section-plan` },
      select: { recipientId: true, title: true },
    })
    // The coach once (the later edits kept the mention); the editor never.
    expect(rows.map((r) => r.recipientId)).toEqual([world.users.coach.id])
    expect(rows[0]?.title).toContain('Riverbend Member mentioned you in “Test plan”')
  })
})

describe('a cycle of my team changes stage', () => {
  it('notifies the team but not who moved it', async () => {
    const cycle = await insertCycle(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      goalId: world.goal.id,
    })
    await database.db.pdsaCycle.update({ where: { id: cycle.id }, data: { objectiveText: 'Learn.' } })
    await database.db.cycleQuestion.create({
      data: { cycleId: cycle.id, position: 0, question: 'Will families reply?', prediction: 'Half will.' },
    })
    await api(world.actors.member).cycle.transition({ id: cycle.id, to: 'do' })
    const rows = await database.db.notification.findMany({
      where: { category: 'cycle_stage', link: { startsWith: `/cycles/${cycle.id}` } },
    })
    expect(rows.map((r) => r.recipientId)).toEqual([world.users.lead.id])
    expect(rows[0]).toMatchObject({ link: `/cycles/${cycle.id}#section-do` })
  })
})

describe('time-based: overdue and data due', () => {
  it('a cycle past its planned end in Plan or Do notifies the team once, however often the scan runs', async () => {
    const cycle = await insertCycle(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      goalId: world.goal.id,
    })
    await database.db.pdsaCycle.update({
      where: { id: cycle.id },
      data: { stage: 'do', plannedStart: new Date('2026-10-01'), plannedEnd: new Date('2026-10-30') },
    })
    await scanDueNotifications({ db: database.db, now: NOW })
    await scanDueNotifications({ db: database.db, now: new Date(NOW.getTime() + 3_600_000) })
    const rows = await database.db.notification.findMany({
      where: { category: 'cycle_overdue', link: { startsWith: `/cycles/${cycle.id}` } },
    })
    expect(rows.map((r) => r.recipientId).sort()).toEqual([world.users.lead.id, world.users.member.id].sort())
    expect(rows[0]?.actorId).toBeNull()
  })

  it('a measure of an open cycle without data for two periods notifies the team once per period', async () => {
    const cycle = await insertCycle(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      goalId: world.goal.id,
    })
    await database.db.pdsaCycle.update({
      where: { id: cycle.id },
      data: {
        stage: 'do',
        plannedStart: new Date('2026-10-05'),
        actualStart: new Date('2026-10-05'),
        plannedEnd: new Date('2026-12-18'),
        measures: { create: [{ measureId: world.measure.id, expectedDirection: 'decrease' }] },
      },
    })
    const weekly = await database.db.measure.findUniqueOrThrow({ where: { id: world.measure.id } })
    expect(weekly.cadence).toBe('weekly')
    // Data for the week of 12 October only; today (Wed 4 Nov) the finished weeks 19 and 26 Oct have none.
    await database.db.observation.create({
      data: {
        districtId: world.district.id,
        measureId: world.measure.id,
        schoolId: world.schoolA.id,
        studentGroupId: world.groups.ALL.id,
        period: new Date('2026-10-12'),
        value: 12,
        source: 'manual',
      },
    })
    const first = await scanDueNotifications({ db: database.db, now: NOW })
    expect(first.dataDue).toBe(2)
    const again = await scanDueNotifications({ db: database.db, now: NOW })
    expect(again).toEqual({ overdue: 0, dataDue: 0 })
    const rows = await database.db.notification.findMany({
      where: { category: 'data_due', link: `/cycles/${cycle.id}#linked-measures` },
    })
    expect(rows).toHaveLength(2)
    expect(rows[0]?.dedupeKey).toBe(`measure:${world.measure.id}:cycle:${cycle.id}:period:2026-10-26`)
    expect(rows[0]?.body).toContain('2026-10-19 or 2026-10-26')
  })
})

describe('an import finishes', () => {
  it('tells whoever started it, with its counts', async () => {
    const text = [
      'measure,school,period,student_group,numerator,denominator',
      `${world.measure.code},${world.schoolA.code},2026-09-07,ALL,12,100`,
    ].join('\n')
    const result = await api(world.actors.lead).data.commitImport({
      fileName: 'september.csv',
      contentBase64: Buffer.from(text).toString('base64'),
      mode: 'all',
    })
    const rows = await database.db.notification.findMany({ where: { category: 'import_finished' } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      recipientId: world.users.lead.id,
      dedupeKey: `import:${result.batchId}`,
      title: 'Import of september.csv finished',
      body: '1 new, 0 changed, 0 unchanged, 0 skipped.',
    })
  })
})

describe('school signals: alignment findings and improved/worsened verdicts', () => {
  it('reach the school’s coach and the district leaders who follow it, once', async () => {
    await expect(
      api(world.actors.coach).notification.followSchool({ schoolId: world.schoolA.id, follow: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      api(other.actors.leader).notification.followSchool({ schoolId: world.schoolA.id, follow: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await api(world.actors.leader).notification.followSchool({ schoolId: world.schoolA.id, follow: true })
    expect(await api(world.actors.leader).notification.followedSchools()).toEqual([world.schoolA.id])

    // The district's first scan records the findings that already stand and notifies nobody: a new
    // deployment must not announce every standing finding.
    const baseline = await scanSchoolSignals({ db: database.db, now: NOW })
    expect(baseline).toEqual({ findings: 0, verdicts: 0 })
    expect(await database.db.notification.count({ where: { category: 'school_signal' } })).toBe(0)

    // A new unaligned goal of team A is a new finding: its coach and the following leader hear of it.
    const goal = await insertGoal(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
      measureId: world.measure.id,
      focalGroupId: world.groups.AA.id,
    })
    const first = await scanSchoolSignals({ db: database.db, now: NOW })
    expect(first.findings).toBeGreaterThan(0)
    const signals = await database.db.notification.findMany({
      where: { districtId: world.district.id, category: 'school_signal' },
      select: { recipientId: true, link: true, body: true },
    })
    const who = new Set(signals.map((s) => s.recipientId))
    expect(who.has(world.users.leader.id)).toBe(true)
    // The admin follows nothing; school B's people watch nothing here.
    expect(who.has(world.users.admin.id)).toBe(false)
    expect(who.has(world.users.otherTeamMember.id)).toBe(false)
    // Only the new goal's findings: the standing goal's stay quiet.
    expect(signals.every((s) => s.link === `/goals/${goal.id}`)).toBe(true)
    expect(signals.some((s) => s.recipientId === world.users.coach.id)).toBe(true)
    const again = await scanSchoolSignals({ db: database.db, now: NOW })
    expect(again).toEqual({ findings: 0, verdicts: 0 })
    // Nothing crossed into the other district.
    expect(
      await database.db.notification.count({
        where: {
          districtId: other.district.id,
          category: 'school_signal',
          recipient: { districtId: world.district.id },
        },
      }),
    ).toBe(0)
  })
})

describe('the bell: list, unread count, read state', () => {
  it('lists only the person’s own notifications and marks them read', async () => {
    const lead = api(world.actors.lead)
    const before = await lead.notification.list({})
    expect(before.unreadCount).toBeGreaterThan(0)
    expect(before.items.every((n) => n.link.startsWith('/'))).toBe(true)
    const first = before.items[0]
    if (!first) throw new Error('no notification')
    const after = await lead.notification.markRead({ ids: [first.id] })
    expect(after.unreadCount).toBe(before.unreadCount - 1)
    // Another person's notification: not found, and nothing changes.
    await expect(api(world.actors.member).notification.markRead({ ids: [first.id] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(api(other.actors.lead).notification.markRead({ ids: [first.id] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const theirs = await api(other.actors.lead).notification.list({ limit: 100 })
    expect(theirs.items.some((n) => n.id === first.id || n.link.includes(world.cycle.id))).toBe(false)
    const all = await lead.notification.markAllRead()
    expect(all.unreadCount).toBe(0)
    expect((await lead.notification.unreadCount()).unreadCount).toBe(0)
  })
})

describe('preferences and unsubscribe', () => {
  it('stores a delivery per category and uses it for new notifications', async () => {
    const member = api(world.actors.member)
    await member.notification.updatePreference({
      category: 'feedback_requested',
      delivery: 'email_immediately',
    })
    const prefs = await member.notification.preferences()
    expect(prefs.find((p) => p.category === 'feedback_requested')).toMatchObject({
      delivery: 'email_immediately',
      allowed: ['email_immediately', 'daily_digest'],
    })
    const { id } = await api(world.actors.coach).comment.create({
      cycleId: world.cycle.id,
      body: 'One more question.',
      requiresResponse: true,
    })
    const row = await database.db.notification.findFirstOrThrow({
      where: { recipientId: world.users.member.id, link: { endsWith: id } },
    })
    expect(row.delivery).toBe('email_immediately')
  })

  it('refuses less than daily for feedback that requires a response, and changes nothing', async () => {
    const member = api(world.actors.member)
    for (const delivery of ['in_app', 'weekly_digest'] as const) {
      await expect(
        member.notification.updatePreference({ category: 'feedback_requested', delivery }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    }
    const prefs = await member.notification.preferences()
    expect(prefs.find((p) => p.category === 'feedback_requested')?.delivery).toBe('email_immediately')
  })

  it('a signed unsubscribe token sets that category to in-app only; a changed one does nothing', async () => {
    const secret = 'test-secret-0123456789-0123456789-abcdef'
    const token = signUnsubscribeToken(secret, world.users.member.id, 'mention')
    expect(verifyUnsubscribeToken(secret, token)).toEqual({
      userId: world.users.member.id,
      scope: 'mention',
    })
    const forged = token.replace('mention', 'cycle_stage')
    expect(await unsubscribe(database.db, secret, forged)).toEqual({ ok: false })
    expect(await unsubscribe(database.db, 'another-secret-0123456789-0123456789', token)).toEqual({
      ok: false,
    })
    expect(await unsubscribe(database.db, secret, token)).toMatchObject({ ok: true, keepsDaily: false })
    // What requires a response stays at least daily.
    const required = signUnsubscribeToken(secret, world.users.member.id, 'feedback_requested')
    expect(await unsubscribe(database.db, secret, required)).toMatchObject({ ok: true, keepsDaily: true })
    const prefs = await api(world.actors.member).notification.preferences()
    expect(prefs.find((p) => p.category === 'mention')?.delivery).toBe('in_app')
    expect(prefs.find((p) => p.category === 'feedback_requested')?.delivery).toBe('daily_digest')
  })

  it('a deactivated person’s token does nothing', async () => {
    const gone = await insertUser(
      database.db,
      world.district.id,
      [{ role: 'team_member', schoolId: world.schoolA.id, teamId: world.teamA.id }],
      { name: 'Riverbend Gone' },
    )
    await database.db.user.update({ where: { id: gone.id }, data: { deactivatedAt: NOW } })
    const secret = 'test-secret-0123456789-0123456789-abcdef'
    expect(await unsubscribe(database.db, secret, signUnsubscribeToken(secret, gone.id, 'mention'))).toEqual({
      ok: false,
    })
  })
})
