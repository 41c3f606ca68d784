// Email end to end against a real SMTP server (smtp-server, parsed with mailparser): invitations and
// password resets (content, links that work once and expire), List-Unsubscribe headers, the Outbox
// without SMTP, and no duplicates with two senders on one database and one of them dying mid-run (ADR 029).
import type { Transporter } from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPasswordResetLimiter, createSignInLimiter } from '../../server/auth/rate-limit.ts'
import type { SessionConfig } from '../../server/auth/session.ts'
import { openDatabase } from '../../server/db/client.ts'
import { createEmailSender } from '../../server/email/email-sender.ts'
import { enqueueEmail } from '../../server/email/enqueue-email.ts'
import { checkAccountLink, setPasswordFromLink } from '../../server/services/accounts/account-link.ts'
import { requestPasswordReset } from '../../server/services/accounts/request-password-reset.ts'
import { signIn } from '../../server/services/auth/sign-in.ts'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { startSmtpServer, type TestSmtpServer } from '../utils/smtp.ts'

const PUBLIC_URL = 'https://pdsa.riverbend.test'
const FROM = 'PDSA Tracker <no-reply@pdsa.riverbend.test>'
const session: SessionConfig = { ttlHours: 1, secret: 's'.repeat(40), secureCookies: true }
const meta = { ip: '192.0.2.10', userAgent: 'vitest' }
let database: TestDatabase
let world: World
let other: World
let smtp: TestSmtpServer
const clock = { now: new Date() }
const app = { now: () => clock.now, publicUrl: PUBLIC_URL }

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Mail')
  other = await createWorld(database.db, 'Elsewhere')
  await database.db.district.update({
    where: { id: world.district.id },
    data: { timeZone: 'America/New_York' },
  })
  smtp = await startSmtpServer()
})
afterAll(async () => {
  await smtp.close()
  await database.close()
})

const admin = () => callerFor(database.db, world.actors.admin, { app })
const sender = (transport: Transporter | null = smtp.transport()) =>
  createEmailSender({ db: database.db, transport, from: FROM })
const mailTo = (address: string) =>
  smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text === address)
const linkIn = (text: string, path: string) =>
  new RegExp(`${PUBLIC_URL}/${path}/([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? null

describe('invitations', () => {
  it('emails a link that sets the password once and signs the person in', async () => {
    const invited = await admin().invitation.create({
      email: 'Rosa.Diaz@Example.test',
      name: 'Rosa Díaz',
      role: 'team_lead',
      teamId: world.teamA.id,
    })
    expect(await sender().runOnce()).toBe(1)
    const [mail] = mailTo('rosa.diaz@example.test')
    expect(mail?.subject).toBe('Mail Admin invited you to Mail District’s PDSA Tracker')
    expect(mail?.from?.value[0]).toMatchObject({
      name: 'PDSA Tracker',
      address: 'no-reply@pdsa.riverbend.test',
    })
    // Both parts, the district's name and time zone, and an absolute link.
    expect(mail?.text).toContain('Mail District')
    expect(mail?.text).toContain('a team lead of Attendance team (Mail Middle)')
    expect(mail?.text).toMatch(/ E[SD]T/)
    expect(mail?.html).toContain(`href="${PUBLIC_URL}/welcome/`)
    const token = linkIn(mail?.text ?? '', 'welcome')
    expect(token).toBeTruthy()
    // Only the token's hash is stored.
    const stored = await database.db.authToken.findFirstOrThrow({ where: { userId: invited.id } })
    expect(stored.tokenHash).not.toContain(token as string)

    expect(await checkAccountLink({ db: database.db, token: token as string, now: clock.now })).toMatchObject(
      {
        ok: true,
        kind: 'invitation',
        name: 'Rosa Díaz',
      },
    )
    const password = 'rosa chooses her own password'
    const done = await setPasswordFromLink({
      db: database.db,
      session,
      input: { token: token as string, password, confirmPassword: password },
      meta,
      now: clock.now,
    })
    expect(done.token).toBeTruthy()
    const signedIn = await signIn({
      db: database.db,
      limiter: createSignInLimiter(),
      session,
      input: { email: 'rosa.diaz@example.test', password },
      meta,
    })
    expect(signedIn.token).toBeTruthy()
    // Second use refused, nothing changed.
    await expect(
      setPasswordFromLink({
        db: database.db,
        session,
        input: {
          token: token as string,
          password: 'another password entirely',
          confirmPassword: 'another password entirely',
        },
        meta,
        now: clock.now,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('already been used') })
    const audit = await database.db.auditEvent.findMany({
      where: { entityId: invited.id },
      select: { action: true },
    })
    expect(audit.map((a) => a.action).sort()).toEqual([
      'auth.sign_in',
      'user.accept_invitation',
      'user.invite',
    ])
    expect(await admin().invitation.list()).not.toContainEqual(
      expect.objectContaining({ userId: invited.id }),
    )
  })

  it('refuses an expired link; resend makes a new one and the old stops working; revoke ends it', async () => {
    const invited = await admin().invitation.create({
      email: 'late@example.test',
      name: 'Late Larry',
      role: 'viewer',
    })
    await sender().runOnce()
    const first = linkIn(mailTo('late@example.test')[0]?.text ?? '', 'welcome') as string
    const eightDaysOn = new Date(clock.now.getTime() + 8 * 24 * 60 * 60 * 1000)
    expect(await checkAccountLink({ db: database.db, token: first, now: eightDaysOn })).toEqual({
      ok: false,
      message: 'This link has expired. Ask for a new one.',
    })
    await expect(
      setPasswordFromLink({
        db: database.db,
        session,
        input: {
          token: first,
          password: 'a long enough password',
          confirmPassword: 'a long enough password',
        },
        meta,
        now: eightDaysOn,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' })
    const [pending] = (await admin().invitation.list()).filter((i) => i.userId === invited.id)
    expect(pending).toBeDefined()
    await admin().invitation.resend({ invitationId: pending?.id as string })
    await sender().runOnce()
    const second = linkIn(mailTo('late@example.test')[1]?.text ?? '', 'welcome') as string
    expect(second).not.toBe(first)
    expect((await checkAccountLink({ db: database.db, token: first, now: clock.now })).ok).toBe(false)
    expect((await checkAccountLink({ db: database.db, token: second, now: clock.now })).ok).toBe(true)
    const [again] = (await admin().invitation.list()).filter((i) => i.userId === invited.id)
    await admin().invitation.revoke({ invitationId: again?.id as string })
    expect(await checkAccountLink({ db: database.db, token: second, now: clock.now })).toMatchObject({
      ok: false,
    })
    const actions = await database.db.auditEvent.findMany({
      where: { entityId: invited.id },
      select: { action: true },
    })
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.invite', 'user.resend_invitation', 'user.revoke_invitation']),
    )
  })

  it('in a district that requires single sign-on, invites to sign in with it (no password link)', async () => {
    await database.db.district.update({ where: { id: other.district.id }, data: { ssoRequired: true } })
    const otherAdmin = callerFor(database.db, other.actors.admin, { app })
    await otherAdmin.invitation.create({
      email: 'sso.person@example.test',
      name: 'Sso Person',
      role: 'viewer',
    })
    await sender().runOnce()
    const [mail] = mailTo('sso.person@example.test')
    expect(mail?.text).toContain('Sign in with single sign-on')
    expect(mail?.text).toContain(`${PUBLIC_URL}/login?district=`)
    expect(mail?.text).not.toContain('/welcome/')
  })

  it('cannot touch another district’s invitations', async () => {
    const [theirs] = await callerFor(database.db, other.actors.admin, { app }).invitation.list()
    expect(theirs).toBeDefined()
    await expect(admin().invitation.revoke({ invitationId: theirs?.id as string })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('password reset', () => {
  const limiter = () => createPasswordResetLimiter()
  it('emails a single-use, expiring link; an unknown address gets the same answer and no email', async () => {
    const email = (await database.db.user.findUniqueOrThrow({ where: { id: world.users.member.id } })).email
    const before = smtp.received.length
    const t0 = performance.now()
    const known = await requestPasswordReset({
      db: database.db,
      limiter: limiter(),
      input: { email },
      meta,
      now: clock.now,
      publicUrl: PUBLIC_URL,
    })
    const knownMs = performance.now() - t0
    const t1 = performance.now()
    const unknown = await requestPasswordReset({
      db: database.db,
      limiter: limiter(),
      input: { email: 'nobody@example.test' },
      meta,
      now: clock.now,
      publicUrl: PUBLIC_URL,
    })
    const unknownMs = performance.now() - t1
    expect(known.queued).toBe(1)
    expect(unknown.queued).toBe(0)
    expect(unknownMs).toBeGreaterThanOrEqual(690)
    expect(Math.abs(knownMs - unknownMs)).toBeLessThan(400)
    await sender().runOnce()
    expect(smtp.received.length).toBe(before + 1)
    const [mail] = mailTo(email)
    // Without an unsubscribe URL (account email), no List-Unsubscribe header.
    expect((mail?.headerLines ?? []).map((h) => h.key)).not.toContain('list-unsubscribe')
    expect(mail?.subject).toBe('Reset your Mail District PDSA Tracker password')
    const token = linkIn(mail?.text ?? '', 'reset-password') as string
    const password = 'a brand new member password'
    await setPasswordFromLink({
      db: database.db,
      session,
      input: { token, password, confirmPassword: password },
      meta,
      now: clock.now,
    })
    await expect(
      setPasswordFromLink({
        db: database.db,
        session,
        input: { token, password, confirmPassword: password },
        meta,
        now: clock.now,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' })
    // An hour later a fresh link has expired.
    await requestPasswordReset({
      db: database.db,
      limiter: limiter(),
      input: { email },
      meta,
      now: clock.now,
      publicUrl: PUBLIC_URL,
    })
    await sender().runOnce()
    const later = linkIn(mailTo(email)[1]?.text ?? '', 'reset-password') as string
    const hourOn = new Date(clock.now.getTime() + 61 * 60 * 1000)
    expect(await checkAccountLink({ db: database.db, token: later, now: hourOn })).toMatchObject({
      ok: false,
    })
  })

  it('is throttled per address, silently', async () => {
    const email = (await database.db.user.findUniqueOrThrow({ where: { id: world.users.lead.id } })).email
    const shared = limiter()
    const results = []
    for (let i = 0; i < 4; i++) {
      results.push(
        await requestPasswordReset({
          db: database.db,
          limiter: shared,
          input: { email },
          meta,
          now: clock.now,
          publicUrl: PUBLIC_URL,
          minimumMs: 0,
        }),
      )
    }
    expect(results.map((r) => r.queued)).toEqual([1, 1, 1, 0])
  })

  it('tells a single sign-on district’s member to use single sign-on instead of sending a link', async () => {
    const email = (await database.db.user.findUniqueOrThrow({ where: { id: other.users.member.id } })).email
    await requestPasswordReset({
      db: database.db,
      limiter: limiter(),
      input: { email },
      meta,
      now: clock.now,
      publicUrl: PUBLIC_URL,
      minimumMs: 0,
    })
    await sender().runOnce()
    const [mail] = mailTo(email)
    expect(mail?.subject).toBe('Sign in to Elsewhere District’s PDSA Tracker with single sign-on')
    expect(mail?.text).not.toContain('/reset-password/')
    expect(
      await database.db.authToken.count({ where: { userId: other.users.member.id, kind: 'password_reset' } }),
    ).toBe(0)
  })
})

describe('temporary password', () => {
  it('signs in only to the page that chooses a new password', async () => {
    await admin().invitation.setTemporaryPassword({
      userId: world.users.viewer.id,
      password: 'temporary password 42',
    })
    const email = (await database.db.user.findUniqueOrThrow({ where: { id: world.users.viewer.id } })).email
    const result = await signIn({
      db: database.db,
      limiter: createSignInLimiter(),
      session,
      input: { email, password: 'temporary password 42' },
      meta,
    })
    expect(result.token).toBeNull()
    const token = result.redirectTo.replace('/reset-password/', '')
    expect(await checkAccountLink({ db: database.db, token, now: new Date() })).toMatchObject({
      ok: true,
      mustChange: true,
    })
  })
})

describe('headers and the outbox', () => {
  it('adds List-Unsubscribe and List-Unsubscribe-Post when an unsubscribe URL is given', async () => {
    const unsubscribeUrl = `${PUBLIC_URL}/unsubscribe/abc123`
    await database.db.$transaction((tx) =>
      enqueueEmail(tx, {
        districtId: world.district.id,
        to: 'headers@example.test',
        template: 'password_reset',
        props: { name: 'Header Test', actionUrl: `${PUBLIC_URL}/x`, expiresAt: new Date().toISOString() },
        category: 'feedback',
        idempotencyKey: 'headers-test',
        unsubscribeUrl,
        publicUrl: PUBLIC_URL,
      }),
    )
    await sender().runOnce()
    const [mail] = mailTo('headers@example.test')
    // mailparser folds List-* headers into one parsed `list` entry: check the lines as received.
    const lines = (mail?.headerLines ?? []).map((h) => h.line)
    expect(lines).toContain(`List-Unsubscribe: <${unsubscribeUrl}>`)
    expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(mail?.html).toContain('Unsubscribe from these emails')
  })

  it('keeps messages in the outbox without SMTP, for the district’s admins only', async () => {
    const before = smtp.received.length
    await admin().invitation.create({
      email: 'outbox.only@example.test',
      name: 'Outbox Only',
      role: 'viewer',
    })
    await sender(null).runOnce()
    expect(smtp.received.length).toBe(before)
    const { emails } = await admin().outbox.list({ recipient: 'outbox.only' })
    expect(emails).toHaveLength(1)
    expect(emails[0]).toMatchObject({ status: 'sent', deliveredVia: 'outbox', template: 'invitation' })
    const full = await admin().outbox.byId({ id: emails[0]?.id as string })
    expect(full.html).toContain('Set your password')
    expect(full.text).toContain('Set your password')
    await expect(
      callerFor(database.db, other.actors.admin, { app }).outbox.byId({ id: full.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(callerFor(database.db, world.actors.leader, { app }).outbox.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

describe('two instances and a crash', () => {
  it('delivers every message exactly once', async () => {
    const keys = Array.from({ length: 24 }, (_, i) => `burst-${i}`)
    for (const key of keys) {
      await database.db.$transaction((tx) =>
        enqueueEmail(tx, {
          districtId: world.district.id,
          to: `${key}@example.test`,
          template: 'password_reset',
          props: { name: key, actionUrl: `${PUBLIC_URL}/x`, expiresAt: new Date().toISOString() },
          category: 'account',
          idempotencyKey: key,
          publicUrl: PUBLIC_URL,
        }),
      )
    }
    // Enqueueing the same key again makes nothing new.
    const again = await database.db.$transaction((tx) =>
      enqueueEmail(tx, {
        districtId: world.district.id,
        to: 'burst-0@example.test',
        template: 'password_reset',
        props: { name: 'x', actionUrl: `${PUBLIC_URL}/x`, expiresAt: null },
        category: 'account',
        idempotencyKey: 'burst-0',
        publicUrl: PUBLIC_URL,
      }),
    )
    expect(again.created).toBe(false)
    // Instance B has its own connection to the same database on PostgreSQL (PGlite: the same one).
    const second = database.url ? await openDatabase({ kind: 'postgres', url: database.url }) : null
    const real = smtp.transport()
    let sentByA = 0
    // Instance A dies after its third message: it has claimed a batch and never finishes it.
    const dying = {
      sendMail(message: Parameters<Transporter['sendMail']>[0]) {
        sentByA++
        if (sentByA > 3) return new Promise(() => undefined)
        return real.sendMail(message)
      },
    } as unknown as Transporter
    const a = createEmailSender({
      db: database.db,
      transport: dying,
      from: FROM,
      leaseMs: 1_500,
      batchSize: 6,
    })
    const b = createEmailSender({
      db: second?.db ?? database.db,
      transport: smtp.transport(),
      from: FROM,
      leaseMs: 1_500,
      batchSize: 4,
    })
    void a.runOnce()
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      await b.runOnce()
      const left = await database.db.emailMessage.count({
        where: { idempotencyKey: { in: keys }, status: { not: 'sent' } },
      })
      if (left === 0) break
      await new Promise((r) => setTimeout(r, 200))
    }
    // A restarted instance finds nothing left to send.
    const restarted = createEmailSender({ db: database.db, transport: smtp.transport(), from: FROM })
    expect(await restarted.runOnce()).toBe(0)
    await second?.close()
    const received = keys.map((key) => mailTo(`${key}@example.test`).length)
    expect(received).toEqual(keys.map(() => 1))
    expect(sentByA).toBeGreaterThan(3)
  }, 30_000)
})
