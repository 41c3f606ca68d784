// Single sign-on against a real OpenID Connect provider (oidc-provider on a free port): the admin API,
// the account rules (link, provision, refuse), every ID-token check, replay, and an unreachable provider.
// The sign-in services are called as the routes call them; the browser path is in test/e2e/sso.e2e.test.ts.

import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import type { CreateIdentityProviderInput } from '@pdsa/domain'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import type { SessionConfig } from '../../server/auth/session.ts'
import { resolveSession } from '../../server/auth/session.ts'
import { signIn } from '../../server/services/auth/sign-in.ts'
import { finishSso, SSO_CALLBACK_PATH, startSso } from '../../server/services/auth/sso.ts'
import { defaultAppServices } from '../../server/trpc/context.ts'
import { createWorld, insertUser, TEST_PASSWORD, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from '../utils/oidc-provider.ts'

const APP = 'http://app.test'
const CALLBACK = `${APP}${SSO_CALLBACK_PATH}`
const session: SessionConfig = { ttlHours: 1, secret: 's'.repeat(40), secureCookies: false }
const secrets = defaultAppServices.secrets!
const meta = { ip: '203.0.113.9', userAgent: 'vitest' }

let database: TestDatabase
let world: World
let other: World
let idp: TestOidcProvider
let providerId: string

const admin = () => callerFor(database.db, world.actors.admin)
const account = (
  email: string,
  over: Partial<{ sub: string; emailVerified: boolean; name: string }> = {},
) => {
  idp.accounts.set(email, {
    sub: over.sub ?? `sub-${email}`,
    email,
    emailVerified: true,
    name: 'Pat Lee',
    ...over,
  })
}

async function providerInput(
  over: Partial<CreateIdentityProviderInput> = {},
): Promise<CreateIdentityProviderInput> {
  return {
    kind: 'oidc',
    displayName: 'Riverbend ClassLink',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ['sso.example'],
    defaultRole: 'viewer',
    enabled: true,
    ...over,
  }
}

/** The whole round trip: start at the app, sign in at the provider, come back to the app. */
async function ssoAs(
  email: string,
  opts: { tamper?: Record<string, unknown>; start?: { providerId: string } | { email: string } } = {},
) {
  const started = await startSso({
    db: database.db,
    secrets,
    input: opts.start ?? { email },
    redirectTo: null,
    callbackUrl: CALLBACK,
  })
  const callbackUrl = await signInAtProvider(started.authorizationUrl, email, CALLBACK)
  if (opts.tamper) idp.tamperNextIdToken(opts.tamper)
  const finish = () =>
    finishSso({
      db: database.db,
      secrets,
      session,
      callbackUrl: new URL(callbackUrl),
      browserBinding: started.browserBinding,
      meta,
    })
  return { started, callbackUrl, finish }
}

/** A port nothing listens on (taken from the system, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

const refusals = (reason: string) =>
  database.db.auditEvent.count({
    where: { action: 'auth.sso_refused', after: { path: ['reason'], equals: reason } },
  })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'SSO')
  other = await createWorld(database.db, 'Elsewhere')
  idp = await startTestOidcProvider({ redirectUris: [CALLBACK] })
  const created = await admin().sso.createProvider(await providerInput())
  providerId = created.id
})
afterAll(async () => {
  await idp?.close()
  await database?.close()
})
beforeEach(async () => {
  await database.db.district.update({
    where: { id: world.district.id },
    data: { ssoProvisioning: 'existing_accounts_only', ssoRequired: false },
  })
})

describe('identity providers (admin API)', () => {
  it('stores the client secret sealed and never returns it', async () => {
    const row = await database.db.identityProvider.findUniqueOrThrow({ where: { id: providerId } })
    expect(row.clientSecretSealed).not.toContain(idp.clientSecret)
    expect(secrets.open(row.clientSecretSealed)).toBe(idp.clientSecret)
    const listed = await admin().sso.providers()
    expect(JSON.stringify(listed)).not.toContain(idp.clientSecret)
    expect(JSON.stringify(listed)).not.toContain(row.clientSecretSealed)
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'sso.provider_create' } })
    expect(JSON.stringify(audit.after)).not.toContain(idp.clientSecret)
  })

  it('is for admins of the district only, and another district cannot see or change it', async () => {
    await expect(callerFor(database.db, world.actors.leader).sso.providers()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      callerFor(database.db, world.actors.lead).sso.createProvider(await providerInput()),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const elsewhere = callerFor(database.db, other.actors.admin)
    expect((await elsewhere.sso.providers()).providers).toEqual([])
    await expect(
      elsewhere.sso.updateProvider({ id: providerId, displayName: 'Hijacked' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(elsewhere.sso.deleteProvider({ id: providerId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    // An email domain signs in through one district only.
    await expect(
      elsewhere.sso.createProvider(await providerInput({ allowedDomains: ['sso.example'] })),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('refuses to require single sign-on before a provider exists', async () => {
    await expect(
      callerFor(database.db, other.actors.admin).sso.updatePolicy({ ssoRequired: true }),
    ).rejects.toThrow(/Add and enable an identity provider/)
  })

  it('"Test connection" reports a working provider, and says precisely what is wrong otherwise', async () => {
    const ok = await admin().sso.testConnection({ issuer: idp.issuer })
    expect(ok).toMatchObject({ ok: true, issuer: idp.issuer, endSession: true })
    const wrongPath = await admin().sso.testConnection({ issuer: `${idp.issuer}/tenant` })
    expect(wrongPath).toMatchObject({ ok: false })
    expect(!wrongPath.ok && wrongPath.problem).toMatch(
      /answered HTTP 404: there is no OpenID Connect configuration/,
    )
    const port = await closedPort()
    const down = await admin().sso.testConnection({ issuer: `http://127.0.0.1:${port}` })
    expect(!down.ok && down.problem).toBe(`Nothing is accepting connections at 127.0.0.1:${port}.`)
    await expect(admin().sso.testConnection({ issuer: 'http://idp.example.com' })).rejects.toThrow(/https/)
  })
})

describe('signing in through the provider', () => {
  it('links an existing password account with the same verified email (no second account) and signs in', async () => {
    const user = await insertUser(
      database.db,
      world.district.id,
      [{ role: 'team_lead', teamId: world.teamA.id }],
      {
        email: 'carmen@sso.example',
      },
    )
    account('carmen@sso.example')
    const users = await database.db.user.count()
    const finished = await (await ssoAs('carmen@sso.example')).finish()
    expect(await database.db.user.count()).toBe(users)
    const resolved = await resolveSession(database.db, session, finished.token)
    expect(resolved?.actor.userId).toBe(user.id)
    expect(finished.redirectTo).toBe(`/teams/${world.teamA.id}`)
    expect(await database.db.userIdentity.count({ where: { userId: user.id } })).toBe(1)
    expect(await database.db.auditEvent.count({ where: { action: 'auth.sso_link', actorId: user.id } })).toBe(
      1,
    )
    // The second time the link is used, not made again.
    const again = await (await ssoAs('carmen@sso.example')).finish()
    expect((await resolveSession(database.db, session, again.token))?.actor.userId).toBe(user.id)
    expect(
      await database.db.auditEvent.count({ where: { action: 'auth.sso_sign_in', actorId: user.id } }),
    ).toBe(2)
  })

  it('creates an account just in time when the district allows self-service, with the default role', async () => {
    await database.db.district.update({
      where: { id: world.district.id },
      data: { ssoProvisioning: 'self_service' },
    })
    account('new.teacher@sso.example', { name: 'Nia Teacher' })
    const finished = await (await ssoAs('new.teacher@sso.example')).finish()
    const user = await database.db.user.findFirstOrThrow({
      where: { email: 'new.teacher@sso.example' },
      include: { memberships: true, password: true },
    })
    expect(user).toMatchObject({
      districtId: world.district.id,
      name: 'Nia Teacher',
      deactivatedAt: null,
      password: null,
    })
    expect(user.memberships.map((m) => [m.role, m.schoolId, m.teamId])).toEqual([['viewer', null, null]])
    expect((await resolveSession(database.db, session, finished.token))?.actor.userId).toBe(user.id)
    expect(
      await database.db.auditEvent.count({ where: { action: 'auth.sso_provision', actorId: user.id } }),
    ).toBe(1)
  })

  it('creates an account waiting for approval when the district asks for it, and signs nobody in', async () => {
    await database.db.district.update({
      where: { id: world.district.id },
      data: { ssoProvisioning: 'self_service_with_approval' },
    })
    account('waiting@sso.example')
    const sessions = await database.db.session.count()
    await expect((await ssoAs('waiting@sso.example')).finish()).rejects.toMatchObject({
      code: 'awaiting_approval',
    })
    expect(await database.db.session.count()).toBe(sessions)
    const user = await database.db.user.findFirstOrThrow({ where: { email: 'waiting@sso.example' } })
    expect(user.awaitingApprovalSince).not.toBeNull()
    // An admin approves by reactivating; the next sign-in works.
    await admin().org.updateUser({ id: user.id, deactivated: false })
    const finished = await (await ssoAs('waiting@sso.example')).finish()
    expect((await resolveSession(database.db, session, finished.token))?.actor.userId).toBe(user.id)
  })

  it('makes no account when the district allows only existing accounts', async () => {
    account('stranger@sso.example')
    const before = await refusals('no_account')
    await expect((await ssoAs('stranger@sso.example')).finish()).rejects.toMatchObject({ code: 'no_account' })
    expect(await database.db.user.findFirst({ where: { email: 'stranger@sso.example' } })).toBeNull()
    expect(await refusals('no_account')).toBe(before + 1)
  })

  it('refuses an address outside the allowed domains, and an unverified one, changing nothing', async () => {
    await database.db.district.update({
      where: { id: world.district.id },
      data: { ssoProvisioning: 'self_service' },
    })
    account('someone@gmail.example')
    const users = await database.db.user.count()
    await expect(
      (await ssoAs('someone@gmail.example', { start: { providerId } })).finish(),
    ).rejects.toMatchObject({ code: 'domain_not_allowed' })
    account('unverified@sso.example', { emailVerified: false })
    await expect((await ssoAs('unverified@sso.example')).finish()).rejects.toMatchObject({
      code: 'email_unverified',
    })
    expect(await database.db.user.count()).toBe(users)
  })

  it('refuses a deactivated user even though the provider says yes', async () => {
    const user = await insertUser(database.db, world.district.id, [{ role: 'viewer' }], {
      email: 'gone@sso.example',
    })
    account('gone@sso.example')
    await (await ssoAs('gone@sso.example')).finish()
    await database.db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } })
    const sessions = await database.db.session.count({ where: { userId: user.id } })
    await expect((await ssoAs('gone@sso.example')).finish()).rejects.toMatchObject({ code: 'deactivated' })
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(sessions)
  })

  it('never links an account of another district with the same email', async () => {
    // Emails are unique per district (ADR 019): the other district's account is someone else's.
    const twin = await insertUser(database.db, other.district.id, [{ role: 'viewer' }], {
      email: 'twin@sso.example',
    })
    account('twin@sso.example')
    await expect((await ssoAs('twin@sso.example')).finish()).rejects.toMatchObject({ code: 'no_account' })
    expect(await database.db.userIdentity.count({ where: { userId: twin.id } })).toBe(0)
  })
})

describe('ID-token and response checks', () => {
  beforeAll(async () => {
    account('checks@sso.example')
    await insertUser(database.db, world.district.id, [{ role: 'viewer' }], { email: 'checks@sso.example' })
  })

  for (const [what, tamper] of [
    ['a token for another audience', { aud: 'someone-else' }],
    [
      'an expired token (beyond the 30 s skew)',
      { exp: Math.floor(Date.now() / 1000) - 120, iat: Math.floor(Date.now() / 1000) - 600 },
    ],
    ['a nonce that does not match', { nonce: 'not-the-one-we-sent' }],
    ['another issuer', { iss: 'https://evil.example' }],
  ] as const) {
    it(`refuses ${what}, signing nobody in`, async () => {
      const sessions = await database.db.session.count()
      const flow = await ssoAs('checks@sso.example', { tamper })
      await expect(flow.finish()).rejects.toMatchObject({ code: 'invalid_response' })
      expect(await database.db.session.count()).toBe(sessions)
    })
  }

  it('accepts a token within the clock skew', async () => {
    const now = Math.floor(Date.now() / 1000)
    const flow = await ssoAs('checks@sso.example', { tamper: { exp: now - 5 } })
    await expect(flow.finish()).resolves.toMatchObject({ token: expect.any(String) })
  })

  it('refuses a replayed state: the callback works once', async () => {
    const flow = await ssoAs('checks@sso.example')
    await flow.finish()
    await expect(flow.finish()).rejects.toMatchObject({ code: 'expired' })
  })

  it('refuses a callback from another browser (no or wrong sign-in cookie)', async () => {
    const flow = await ssoAs('checks@sso.example')
    await expect(
      finishSso({
        db: database.db,
        secrets,
        session,
        callbackUrl: new URL(flow.callbackUrl),
        browserBinding: 'x',
        meta,
      }),
    ).rejects.toMatchObject({ code: 'expired' })
    await expect(
      finishSso({
        db: database.db,
        secrets,
        session,
        callbackUrl: new URL(flow.callbackUrl),
        browserBinding: undefined,
        meta,
      }),
    ).rejects.toMatchObject({ code: 'expired' })
  })

  it('reports the provider refusing (error in the callback) in plain words', async () => {
    const started = await startSso({
      db: database.db,
      secrets,
      input: { providerId },
      redirectTo: null,
      callbackUrl: CALLBACK,
    })
    const state = new URL(started.authorizationUrl).searchParams.get('state')
    await expect(
      finishSso({
        db: database.db,
        secrets,
        session,
        // As the provider sends it (RFC 9207: with its issuer).
        callbackUrl: new URL(
          `${CALLBACK}?error=access_denied&error_description=User+cancelled&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
        ),
        browserBinding: started.browserBinding,
        meta,
      }),
    ).rejects.toMatchObject({ code: 'provider_error' })
  })

  it('says the provider cannot be reached when it is down, and stores nothing', async () => {
    const down = await callerFor(database.db, other.actors.admin).sso.createProvider(
      await providerInput({
        issuer: `http://127.0.0.1:${await closedPort()}`,
        allowedDomains: ['down.example'],
      }),
    )
    const attempts = await database.db.ssoLoginAttempt.count()
    await expect(
      startSso({
        db: database.db,
        secrets,
        input: { providerId: down.id },
        redirectTo: null,
        callbackUrl: CALLBACK,
      }),
    ).rejects.toMatchObject({ code: 'provider_unreachable' })
    expect(await database.db.ssoLoginAttempt.count()).toBe(attempts)
  })

  it('says when no provider serves an email domain', async () => {
    await expect(
      startSso({
        db: database.db,
        secrets,
        input: { email: 'a@nowhere.example' },
        redirectTo: null,
        callbackUrl: CALLBACK,
      }),
    ).rejects.toMatchObject({ code: 'no_provider' })
  })
})

describe('a district that requires single sign-on', () => {
  it('refuses passwords for its users, but lets an admin in (break-glass, audited)', async () => {
    await database.db.district.update({ where: { id: world.district.id }, data: { ssoRequired: true } })
    const limiter = createSignInLimiter()
    const lead = await database.db.user.findUniqueOrThrow({ where: { id: world.users.lead.id } })
    await expect(
      signIn({
        db: database.db,
        limiter,
        session,
        input: { email: lead.email, password: TEST_PASSWORD },
        meta,
      }),
    ).rejects.toThrow(/signs in with its own accounts/)
    const adminUser = await database.db.user.findUniqueOrThrow({ where: { id: world.users.admin.id } })
    const ok = await signIn({
      db: database.db,
      limiter,
      session,
      input: { email: adminUser.email, password: TEST_PASSWORD },
      meta,
    })
    expect(ok.token).toEqual(expect.any(String))
    const event = await database.db.auditEvent.findFirstOrThrow({
      where: { action: 'auth.sign_in', actorId: adminUser.id },
      orderBy: { id: 'desc' },
    })
    expect(event.after).toMatchObject({ breakGlass: true })
    // A wrong password still gets the ordinary answer: the policy is told only to someone who knew theirs.
    await expect(
      signIn({
        db: database.db,
        limiter,
        session,
        input: { email: lead.email, password: 'wrong-password-123' },
        meta,
      }),
    ).rejects.toThrow(/do not match/)
  })
})
