// Single-use account links (ADR 029): a random 256-bit token in the email, only its SHA-256 in the
// database; and the URLs the emails carry.
import { createHash, randomBytes } from 'node:crypto'
import { AUTH_TOKEN_LIFETIME_MS, type AuthTokenKind, ROLE_LABELS, type Role } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

export const hashAccountToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Creates a link's token row; returns the token (for the email only) and the row id. */
export async function issueAccountToken(
  tx: DbTx,
  input: { districtId: string; userId: string; kind: AuthTokenKind; createdById: string | null; now: Date },
) {
  const token = randomBytes(32).toString('base64url')
  const row = await tx.authToken.create({
    data: {
      districtId: input.districtId,
      userId: input.userId,
      kind: input.kind,
      tokenHash: hashAccountToken(token),
      expiresAt: new Date(input.now.getTime() + AUTH_TOKEN_LIFETIME_MS[input.kind]),
      createdById: input.createdById,
    },
    select: { id: true, expiresAt: true },
  })
  return { token, ...row }
}

/** Ends every unused link of this kind of the user (a new one replaces them). */
export async function revokeOpenTokens(tx: DbTx, userId: string, kind: AuthTokenKind, now: Date) {
  await tx.authToken.updateMany({
    where: { userId, kind, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  })
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '')
export const invitationUrl = (publicUrl: string, token: string) => `${base(publicUrl)}/welcome/${token}`
export const passwordResetUrl = (publicUrl: string, token: string) =>
  `${base(publicUrl)}/reset-password/${token}`
export const ssoSignInUrl = (publicUrl: string, districtSlug: string) =>
  `${base(publicUrl)}/login?district=${encodeURIComponent(districtSlug)}`

/** "Team lead of the Attendance team (Harbor Middle)", "District leader". */
export function roleDescription(role: Role, team: { name: string; schoolName: string } | null): string {
  const label = ROLE_LABELS[role]
  const article = /^[AEIOU]/.test(label) ? 'an' : 'a'
  return team
    ? `${article} ${label.toLowerCase()} of ${team.name} (${team.schoolName})`
    : `${article} ${label.toLowerCase()}`
}
