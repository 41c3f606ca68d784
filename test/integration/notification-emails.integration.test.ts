// Notifications by email against a real SMTP server (smtp-server, parsed with mailparser): "email
// immediately" sends one email per notification; daily and weekly digests go out at 07:00 in the
// district's time zone with what was pending before then, grouped by category; every email carries a
// one-click unsubscribe (List-Unsubscribe, List-Unsubscribe-Post) that works through the HTTP route; two
// runners at once, a repeated run, and the jobs on pg-boss itself never send an email twice (ADR 030).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Actor } from '@pdsa/domain'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import type { SessionConfig } from '../../server/auth/session.ts'
import { createEmailSender } from '../../server/email/email-sender.ts'
import { startJobQueue } from '../../server/jobs/job-queue.ts'
import { registerNotificationJobs } from '../../server/jobs/notification-jobs.ts'
import { createInProcessNotificationHub } from '../../server/notifications/hub.ts'
import { queueNotificationEmails } from '../../server/services/notifications/notification-emails.ts'
import { defaultAppServices } from '../../server/trpc/context.ts'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { startSmtpServer, type TestSmtpServer } from '../utils/smtp.ts'

const FROM = 'PDSA Tracker <no-reply@pdsa.riverbend.test>'
const SECRET = 'unsubscribe-secret-for-tests-0123456789'
const session: SessionConfig = { ttlHours: 1, secret: 'e'.repeat(40), secureCookies: false }
// Monday 2026-12-07, 10:00 in Los Angeles (PST, UTC−8).
const MONDAY_10AM = new Date('2026-12-07T18:00:00Z')
const HOUR = 3_600_000
let database: TestDatabase
let world: World
let smtp: TestSmtpServer
let server: Server
let publicUrl: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Mailbell')
  await database.db.district.update({
    where: { id: world.district.id },
    data: { timeZone: 'America/Los_Angeles' },
  })
  smtp = await startSmtpServer()
  // The app's own HTTP routes answer the unsubscribe links; PUBLIC_URL is this server.
  const hub = createInProcessNotificationHub()
  server = createServer(
    createApp({
      db: database.db,
      session,
      limiter: createSignInLimiter(),
      services: { ...defaultAppServices, onNotified: (ids) => hub.publish(ids) },
      allowedOrigins: [],
      build: async () => {
        throw new Error('This test requests no pages.')
      },
      mode: 'test',
      notifications: { hub, unsubscribeSecret: SECRET },
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await smtp.close()
  await database.close()
})

const api = (actor: Actor, now: Date) => callerFor(database.db, actor, { app: { now: () => now } })
const queue = (now: Date) =>
  queueNotificationEmails({ db: database.db, publicUrl, unsubscribeSecret: SECRET, now })
/** Delivers everything queued to the SMTP server. */
async function deliver() {
  const sender = createEmailSender({ db: database.db, transport: smtp.transport(), from: FROM })
  let sent = 0
  for (let n = await sender.runOnce(); n > 0; n = await sender.runOnce()) sent += n
  return sent
}
const mailTo = (address: string) =>
  smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text === address.toLowerCase())
/** A header as received (mailparser folds the List-* headers into one parsed entry; unfold the line). */
const header = (mail: ParsedMail | undefined, name: string) =>
  (mail?.headerLines ?? [])
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/\r?\n[ \t]+/g, ' ')
    .slice(name.length + 1)
    .trim()
const unsubscribeLink = (mail: ParsedMail | undefined) => {
  const url = /^<([^>]+)>$/.exec(header(mail, 'List-Unsubscribe') ?? '')?.[1]
  if (!url) throw new Error('no List-Unsubscribe link')
  return url
}
const deliveryOf = async (userId: string, category: string) =>
  (await api(world.actors.lead, MONDAY_10AM).notification.preferences()).find(
    (p) => p.category === category && userId === world.users.lead.id,
  )?.delivery

async function requireResponse(body: string, now: Date) {
  return api(world.actors.coach, now).comment.create({
    cycleId: world.cycle.id,
    body,
    requiresResponse: true,
  })
}

describe('email immediately', () => {
  it('sends one email per notification, with the exact link, and a one-click unsubscribe that works', async () => {
    await api(world.actors.lead, MONDAY_10AM).notification.updatePreference({
      category: 'feedback_requested',
      delivery: 'email_immediately',
    })
    const { id } = await requireResponse('Which students will you start with?', MONDAY_10AM)
    expect(await queue(MONDAY_10AM)).toEqual({ immediate: 1, digests: 0 })
    // Run again, or by a second instance: nothing new.
    expect(await queue(new Date(MONDAY_10AM.getTime() + 60_000))).toEqual({ immediate: 0, digests: 0 })
    expect(await deliver()).toBe(1)

    const [mail, extra] = mailTo(world.users.lead.email)
    expect(extra).toBeUndefined()
    expect(mail?.subject).toContain('Mailbell Coach asks your team to respond')
    expect(mail?.text).toContain('Which students will you start with?')
    expect(mail?.text).toContain(`${publicUrl}/cycles/${world.cycle.id}#comment-${id}`)
    expect(mail?.html).toContain(`href="${publicUrl}/cycles/${world.cycle.id}#comment-${id}"`)
    // The district's name and time zone (10:00 AM PST), and the preferences page.
    expect(mail?.text).toContain('Mailbell District')
    expect(mail?.text).toMatch(/10:00 AM PST/)
    expect(mail?.text).toContain(`${publicUrl}/account/notifications`)
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    // The member kept the default (daily digest): no email yet.
    expect(mailTo(world.users.member.email)).toHaveLength(0)

    // RFC 8058: the mail client POSTs the link, without a cookie or an Origin.
    const response = await fetch(unsubscribeLink(mail), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(response.status).toBe(200)
    // What requires a response stays at least daily.
    expect(await deliveryOf(world.users.lead.id, 'feedback_requested')).toBe('daily_digest')
    await requireResponse('And how will you know?', new Date(MONDAY_10AM.getTime() + 120_000))
    expect(await queue(new Date(MONDAY_10AM.getTime() + 180_000))).toEqual({ immediate: 0, digests: 0 })
  })
})

describe('digests', () => {
  it('go out at 07:00 local with what was pending before then, grouped; later ones wait for the next', async () => {
    smtp.received.length = 0
    // Pending for the daily digest: the lead's request above (10:00 Monday) and the one after it,
    // and the member's two; the member also has a mention.
    await api(world.actors.coach, MONDAY_10AM).comment.create({
      cycleId: world.cycle.id,
      body: `@${world.users.member.name} could you bring the attendance list?`,
    })
    // Tuesday 06:59 local: not yet.
    const tuesday7 = new Date('2026-12-08T15:00:00Z')
    expect((await queue(new Date(tuesday7.getTime() - 60_000))).digests).toBe(0)
    // A request that arrives at 06:59 still belongs to Tuesday's digest; one at 07:30 waits.
    await requireResponse('Before the huddle: who takes notes?', new Date(tuesday7.getTime() - 60_000))
    await requireResponse('After the huddle: send the list.', new Date(tuesday7.getTime() + 30 * 60_000))
    const run = await queue(new Date(tuesday7.getTime() + 45 * 60_000))
    expect(run.digests).toBe(2) // the lead and the member
    expect((await queue(new Date(tuesday7.getTime() + 50 * 60_000))).digests).toBe(0)
    await deliver()

    const [memberDigest, another] = mailTo(world.users.member.email)
    expect(another).toBeUndefined()
    expect(memberDigest?.subject).toBe('Your daily PDSA Tracker digest: 4 notifications (Mailbell District)')
    const text = memberDigest?.text ?? ''
    // What needs a response first, then mentions; newest first within a group.
    expect(text.indexOf('Feedback that requires a response (3)')).toBeGreaterThan(-1)
    expect(text.indexOf('Mentions (1)')).toBeGreaterThan(text.indexOf('Feedback that requires a response'))
    expect(text).not.toContain('After the huddle')
    expect(memberDigest?.html).toContain(`${publicUrl}/notifications`)
    expect(header(memberDigest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')

    // Wednesday 07:00: the request of 07:30 Tuesday goes out, alone.
    smtp.received.length = 0
    const wednesday = new Date('2026-12-09T15:05:00Z')
    expect((await queue(wednesday)).digests).toBe(2)
    await deliver()
    expect(mailTo(world.users.member.email)[0]?.text).toContain('After the huddle')
    expect(mailTo(world.users.member.email)[0]?.subject).toContain('1 notification (')

    // The digest's unsubscribe link: mentions go to in-app only; what requires a response stays daily,
    // and a mention still waiting is not emailed.
    await api(world.actors.lead, wednesday).comment.create({
      cycleId: world.cycle.id,
      body: `Thanks @${world.users.member.name}!`,
    })
    const link = unsubscribeLink(mailTo(world.users.member.email)[0])
    const page = await fetch(link)
    expect(await page.text()).toContain('the daily digest')
    const done = await fetch(link, { method: 'POST', redirect: 'manual' })
    expect(done.status).toBe(303)
    const prefs = await api(world.actors.member, wednesday).notification.preferences()
    expect(prefs.find((p) => p.category === 'mention')?.delivery).toBe('in_app')
    expect(prefs.find((p) => p.category === 'feedback_requested')?.delivery).toBe('daily_digest')
    const waiting = await database.db.notification.findFirstOrThrow({
      where: { recipientId: world.users.member.id, category: 'mention', emailedAt: null },
    })
    expect(waiting.delivery).toBe('in_app')
  })

  it('a deactivated person gets no email', async () => {
    smtp.received.length = 0
    const thursday = new Date('2026-12-10T16:00:00Z')
    await requireResponse('Anyone there?', new Date(thursday.getTime() - 24 * HOUR))
    await database.db.user.update({ where: { id: world.users.member.id }, data: { deactivatedAt: thursday } })
    await queue(thursday)
    await deliver()
    expect(mailTo(world.users.member.email)).toHaveLength(0)
    expect(mailTo(world.users.lead.email)).toHaveLength(1)
    await database.db.user.update({ where: { id: world.users.member.id }, data: { deactivatedAt: null } })
  })
})

describe('several instances', () => {
  it('two runners at once queue each email once', async () => {
    smtp.received.length = 0
    await api(world.actors.member, MONDAY_10AM).notification.updatePreference({
      category: 'feedback_requested',
      delivery: 'email_immediately',
    })
    const friday = new Date('2026-12-11T18:00:00Z')
    for (let i = 0; i < 12; i++) await requireResponse(`Question ${i}`, friday)
    const runs = await Promise.all([queue(friday), queue(friday), queue(friday)])
    expect(runs.reduce((n, r) => n + r.immediate, 0)).toBe(12)
    await deliver()
    expect(mailTo(world.users.member.email)).toHaveLength(12)
    expect(new Set(mailTo(world.users.member.email).map((m) => m.text)).size).toBe(12)
  })

  it('on the job queue (pg-boss, or in-process on PGlite), new notifications are emailed within seconds, once', async () => {
    smtp.received.length = 0
    // pg-boss on PostgreSQL; the in-process queue on PGlite (what each database's server runs).
    const jobs = await startJobQueue(
      database.url ? { kind: 'postgres', url: database.url } : { kind: 'pglite' },
    )
    const sender = createEmailSender({
      db: database.db,
      transport: smtp.transport(),
      from: FROM,
      pollMs: 200,
    })
    sender.start()
    try {
      const notificationJobs = await registerNotificationJobs({
        jobs,
        db: database.db,
        publicUrl,
        unsubscribeSecret: SECRET,
        onNotified: () => {},
        onEmailQueued: () => sender.wake(),
        onError: (error) => {
          throw error
        },
      })
      const now = new Date()
      await api(world.actors.coach, now).comment.create({
        cycleId: world.cycle.id,
        body: 'Sent through the job queue.',
        requiresResponse: true,
      })
      // What the app's onNotified does after a write; twice, as two instances would.
      notificationJobs.wake()
      notificationJobs.wake()
      const deadline = Date.now() + 20_000
      while (mailTo(world.users.member.email).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200))
      await new Promise((r) => setTimeout(r, 1_500))
      expect(
        mailTo(world.users.member.email).map((m) => m.text?.includes('Sent through the job queue.')),
      ).toEqual([true])
    } finally {
      await sender.stop()
      await jobs.stop()
    }
  }, 60_000)
})
