import { describe, expect, it } from 'vitest'
import { AUTH_TOKEN_LIFETIME_MS, authTokenState, emailRetryDelayMs } from './account-links.ts'

describe('authTokenState', () => {
  const now = new Date('2026-12-05T12:00:00Z')
  const base = { expiresAt: new Date('2026-12-05T13:00:00Z'), usedAt: null, revokedAt: null }
  it('is valid before it expires and unused', () => {
    expect(authTokenState(base, now)).toBe('valid')
  })
  it('expires at the expiry instant', () => {
    expect(authTokenState(base, base.expiresAt)).toBe('expired')
  })
  it('says used before revoked or expired: a used link stays used', () => {
    const used = { ...base, usedAt: now, revokedAt: now, expiresAt: now }
    expect(authTokenState(used, new Date('2027-01-01T00:00:00Z'))).toBe('used')
    expect(authTokenState({ ...base, revokedAt: now }, now)).toBe('revoked')
  })
  it('gives invitations longer than resets', () => {
    expect(AUTH_TOKEN_LIFETIME_MS.invitation).toBeGreaterThan(AUTH_TOKEN_LIFETIME_MS.password_reset)
  })
})

describe('emailRetryDelayMs', () => {
  it('doubles from 30 seconds and stops at 30 minutes', () => {
    expect(emailRetryDelayMs(1)).toBe(30_000)
    expect(emailRetryDelayMs(2)).toBe(60_000)
    expect(emailRetryDelayMs(3)).toBe(120_000)
    expect(emailRetryDelayMs(20)).toBe(30 * 60 * 1000)
  })
})
