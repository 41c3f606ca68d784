import { describe, expect, it } from 'vitest'
import {
  CreateIdentityProviderInputSchema,
  decideSsoAccount,
  IssuerSchema,
  type SsoClaims,
  type SsoKnownUser,
  type SsoProviderPolicy,
} from './sso.ts'

const provider: SsoProviderPolicy = {
  districtId: 'd1',
  allowedDomains: ['riverbend.example'],
  defaultRole: 'viewer',
  provisioning: 'existing_accounts_only',
}
const claims: SsoClaims = {
  subject: 's1',
  email: 'Ana@Riverbend.example',
  emailVerified: true,
  name: 'Ana Ruiz',
}
const user = (over: Partial<SsoKnownUser> = {}): SsoKnownUser => ({
  id: 'u1',
  districtId: 'd1',
  deactivated: false,
  awaitingApproval: false,
  ...over,
})
const decide = (over: Partial<Parameters<typeof decideSsoAccount>[0]> = {}) =>
  decideSsoAccount({ provider, claims, linkedUser: null, userWithEmail: null, ...over })

describe('decideSsoAccount', () => {
  it('signs in the user an identity is already linked to', () => {
    expect(decide({ linkedUser: user() })).toEqual({ kind: 'sign_in', userId: 'u1' })
  })
  it('refuses a linked user who is deactivated, even though the provider said yes', () => {
    expect(decide({ linkedUser: user({ deactivated: true }) })).toMatchObject({
      kind: 'refuse',
      reason: 'deactivated',
    })
  })
  it('refuses a linked user waiting for approval, saying so', () => {
    expect(decide({ linkedUser: user({ deactivated: true, awaitingApproval: true }) })).toMatchObject({
      reason: 'awaiting_approval',
    })
  })
  it('links an existing account with the same verified email instead of making a second one', () => {
    expect(decide({ userWithEmail: user() })).toEqual({ kind: 'link', userId: 'u1' })
  })
  it('never links an account of another district', () => {
    expect(decide({ userWithEmail: user({ districtId: 'd2' }) })).toMatchObject({ reason: 'other_district' })
  })
  it('requires an email, verified, in an allowed domain', () => {
    expect(decide({ claims: { ...claims, email: null } })).toMatchObject({ reason: 'email_missing' })
    expect(decide({ claims: { ...claims, emailVerified: false }, userWithEmail: user() })).toMatchObject({
      reason: 'email_unverified',
    })
    expect(decide({ claims: { ...claims, email: 'ana@gmail.com' }, userWithEmail: user() })).toMatchObject({
      reason: 'domain_not_allowed',
    })
  })
  it('does not treat a look-alike domain as allowed', () => {
    expect(decide({ claims: { ...claims, email: 'ana@evil-riverbend.example' } })).toMatchObject({
      reason: 'domain_not_allowed',
    })
    expect(decide({ claims: { ...claims, email: 'ana@riverbend.example.evil.com' } })).toMatchObject({
      reason: 'domain_not_allowed',
    })
  })
  it('makes no account unless the district allows self-service', () => {
    expect(decide()).toEqual({ kind: 'refuse', reason: 'no_account' })
    expect(decide({ provider: { ...provider, provisioning: 'self_service' } })).toEqual({
      kind: 'provision',
      email: 'ana@riverbend.example',
      name: 'Ana Ruiz',
      role: 'viewer',
      awaitingApproval: false,
    })
    expect(
      decide({ provider: { ...provider, provisioning: 'self_service_with_approval', defaultRole: null } }),
    ).toMatchObject({ kind: 'provision', role: null, awaitingApproval: true })
  })
  it('names a new account after the address when the provider gives no name', () => {
    expect(
      decide({ provider: { ...provider, provisioning: 'self_service' }, claims: { ...claims, name: ' ' } }),
    ).toMatchObject({ name: 'ana' })
  })
})

describe('provider settings', () => {
  it('accepts an https issuer or its discovery URL, and plain http only on this machine', () => {
    expect(IssuerSchema.parse('https://accounts.google.com/.well-known/openid-configuration')).toBe(
      'https://accounts.google.com',
    )
    expect(IssuerSchema.safeParse('http://idp.example.com').success).toBe(false)
    expect(IssuerSchema.safeParse('http://127.0.0.1:4000').success).toBe(true)
    expect(IssuerSchema.safeParse('not a url').error?.issues[0]?.message).toMatch(/full URL/)
  })
  it('normalises domains and refuses the admin role as a default', () => {
    const parsed = CreateIdentityProviderInputSchema.parse({
      kind: 'google',
      displayName: 'Google',
      issuer: 'https://accounts.google.com',
      clientId: 'x',
      clientSecret: 'y',
      allowedDomains: ['@Riverbend.Example', 'riverbend.example'],
      defaultRole: 'viewer',
    })
    expect(parsed.allowedDomains).toEqual(['riverbend.example'])
    expect(
      CreateIdentityProviderInputSchema.safeParse({ ...parsed, clientSecret: 'y', defaultRole: 'admin' })
        .success,
    ).toBe(false)
  })
})
