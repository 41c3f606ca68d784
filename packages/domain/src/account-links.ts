// Single-use account links (invitations, password resets) and the email sender's retry rule. Pure: the
// clock is passed in.

export type AuthTokenKind = 'invitation' | 'password_reset'

/** How long a link works: an invitation a week (people are busy), a reset an hour (it guards an account). */
export const AUTH_TOKEN_LIFETIME_MS: Record<AuthTokenKind, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
}

export type AuthTokenState = 'valid' | 'used' | 'revoked' | 'expired'

/** Whether a link can still be used: used, revoked and expired links never work again. */
export function authTokenState(
  token: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null },
  now: Date,
): AuthTokenState {
  if (token.usedAt) return 'used'
  if (token.revokedAt) return 'revoked'
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

/** What the person who opened a dead link reads, and what to do next. */
export const AUTH_TOKEN_REFUSALS: Record<Exclude<AuthTokenState, 'valid'> | 'unknown', string> = {
  used: 'This link has already been used. Sign in, or ask for a new link.',
  revoked: 'This invitation was withdrawn. Ask your district admin for a new one.',
  expired: 'This link has expired. Ask for a new one.',
  unknown: 'This link is not valid. Check that you copied the whole link, or ask for a new one.',
}

/** Attempts before a message is marked failed (about two hours of retries). */
export const EMAIL_MAX_ATTEMPTS = 8

/** Wait before retry number `attempt` (1-based): 30 s doubling, at most 30 minutes. */
export function emailRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 30 * 60 * 1000)
}
