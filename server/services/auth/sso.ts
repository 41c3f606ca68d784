// Signing in through a district's identity provider (ADR 028): start (an authorization request bound
// to this browser and stored single-use), finish (code exchange, ID-token checks, the account rules of
// decideSsoAccount applied in one transaction, a session), and the end-session link at sign-out.
import { createHash, randomBytes } from 'node:crypto'
import {
  decideSsoAccount,
  emailDomain,
  homePathFor,
  type SsoAccountDecision,
  type StartSsoInput,
} from '@pdsa/domain'
import { createSession, type SessionConfig } from '../../auth/session.ts'
import {
  authorizationRequest,
  endSessionUrl,
  type RelyingPartyProvider,
  relyingParty,
  SsoError,
  verifiedIdentity,
} from '../../auth/sso/oidc.ts'
import type { SecretBox } from '../../auth/sso/secret-box.ts'
import type { Db, DbTx } from '../../db/client.ts'
import { loadActor } from '../actor.ts'
import { recordAudit } from '../audit.ts'

/** An authorization request must come back within this time. */
const ATTEMPT_TTL_MS = 10 * 60_000
export const SSO_CALLBACK_PATH = '/auth/sso/callback'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

const providerSelect = {
  id: true,
  districtId: true,
  displayName: true,
  issuer: true,
  clientId: true,
  clientSecretSealed: true,
  allowedDomains: true,
  defaultRole: true,
  updatedAt: true,
  district: { select: { ssoProvisioning: true } },
} as const

type ProviderRow = NonNullable<Awaited<ReturnType<typeof findProvider>>>

function findProvider(db: DbTx, where: { id: string } | { domain: string }) {
  return db.identityProvider.findFirst({
    where: {
      enabled: true,
      ...('id' in where ? { id: where.id } : { allowedDomains: { has: where.domain } }),
    },
    orderBy: { createdAt: 'asc' },
    select: providerSelect,
  })
}

function relyingPartyOf(provider: ProviderRow, secrets: SecretBox): RelyingPartyProvider {
  let clientSecret: string
  try {
    clientSecret = secrets.open(provider.clientSecretSealed)
  } catch {
    throw new SsoError('provider_error', 'the client secret cannot be read: an admin must enter it again')
  }
  return {
    id: provider.id,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret,
    updatedAt: provider.updatedAt,
  }
}

/** The providers a district's sign-in URL (/login?district=<slug>) offers. */
export async function listSignInProviders(db: DbTx, districtSlug: string) {
  const district = await db.district.findUnique({
    where: { slug: districtSlug },
    select: {
      name: true,
      identityProviders: {
        where: { enabled: true },
        orderBy: { createdAt: 'asc' },
        select: { id: true, displayName: true, kind: true },
      },
    },
  })
  return district ? { districtName: district.name, providers: district.identityProviders } : null
}

export interface SsoStart {
  /** Where to send the browser: the provider's authorization endpoint. */
  authorizationUrl: string
  /** Goes into the short-lived, HTTP-only sign-in cookie: ties the callback to this browser. */
  browserBinding: string
}

export async function startSso({
  db,
  secrets,
  input,
  redirectTo,
  callbackUrl,
  now = new Date(),
}: {
  db: Db
  secrets: SecretBox
  input: StartSsoInput
  redirectTo: string | null
  callbackUrl: string
  now?: Date
}): Promise<SsoStart> {
  const provider = await findProvider(
    db,
    'providerId' in input ? { id: input.providerId } : { domain: emailDomain(input.email) },
  )
  if (!provider) throw new SsoError('no_provider')
  const config = await relyingParty(relyingPartyOf(provider, secrets))
  const request = await authorizationRequest(config, callbackUrl, 'email' in input ? input.email : undefined)
  const browserBinding = randomBytes(32).toString('base64url')
  await db.$transaction(async (tx) => {
    await tx.ssoLoginAttempt.deleteMany({ where: { expiresAt: { lt: now } } })
    await tx.ssoLoginAttempt.create({
      data: {
        id: sha256(request.state),
        providerId: provider.id,
        browserBinding: sha256(browserBinding),
        codeVerifier: request.codeVerifier,
        nonce: request.nonce,
        redirectTo,
        expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
      },
    })
  })
  return { authorizationUrl: request.url.toString(), browserBinding }
}

export interface SsoFinished {
  token: string
  expiresAt: Date
  redirectTo: string
}

const knownUserSelect = {
  id: true,
  districtId: true,
  deactivatedAt: true,
  awaitingApprovalSince: true,
} as const
const known = (
  u: {
    id: string
    districtId: string
    deactivatedAt: Date | null
    awaitingApprovalSince: Date | null
  } | null,
) =>
  u && {
    id: u.id,
    districtId: u.districtId,
    deactivated: u.deactivatedAt !== null,
    awaitingApproval: u.awaitingApprovalSince !== null,
  }

/** An audit event with the user as actor when there is one, else no actor (the district's log). */
async function audit(
  tx: DbTx,
  districtId: string,
  userId: string | null,
  action: string,
  after: Record<string, unknown>,
): Promise<void> {
  await recordAudit(
    tx,
    { districtId, userId: userId as string },
    {
      action,
      entityType: userId ? 'user' : 'identity_provider',
      entityId: userId ?? String(after.providerId),
      after,
    },
  )
}

export async function finishSso({
  db,
  secrets,
  session,
  callbackUrl,
  browserBinding,
  meta,
  now = new Date(),
}: {
  db: Db
  secrets: SecretBox
  session: SessionConfig
  /** The URL the provider sent the browser back to (code, state, or error). */
  callbackUrl: URL
  browserBinding: string | undefined
  meta: { ip: string; userAgent: string }
  now?: Date
}): Promise<SsoFinished> {
  const state = callbackUrl.searchParams.get('state')
  if (!state || !browserBinding) throw new SsoError('expired')
  // Single use: the attempt is consumed before anything else happens, so a replayed callback finds nothing.
  const attempt = await db.$transaction(async (tx) => {
    const row = await tx.ssoLoginAttempt.findUnique({ where: { id: sha256(state) } })
    if (!row || row.consumedAt || row.expiresAt <= now || row.browserBinding !== sha256(browserBinding))
      return null
    const { count } = await tx.ssoLoginAttempt.updateMany({
      where: { id: row.id, consumedAt: null },
      data: { consumedAt: now },
    })
    return count === 1 ? row : null
  })
  if (!attempt) throw new SsoError('expired')
  const provider = await findProvider(db, { id: attempt.providerId })
  if (!provider) throw new SsoError('no_provider')
  const refuse = async (code: SsoError['code'], userId: string | null, detail?: Record<string, unknown>) => {
    await db.$transaction((tx) =>
      audit(tx, provider.districtId, userId, 'auth.sso_refused', {
        providerId: provider.id,
        provider: provider.displayName,
        reason: code,
        ip: meta.ip,
        ...detail,
      }),
    )
    return new SsoError(code)
  }
  let identity: Awaited<ReturnType<typeof verifiedIdentity>>
  try {
    const config = await relyingParty(relyingPartyOf(provider, secrets))
    identity = await verifiedIdentity(config, callbackUrl, {
      state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    })
  } catch (error) {
    const e = error instanceof SsoError ? error : new SsoError('invalid_response')
    throw await refuse(e.code, null, e.detail ? { detail: e.detail.slice(0, 300) } : {})
  }

  const [linked, withEmail] = await Promise.all([
    db.userIdentity.findUnique({
      where: { providerId_subject: { providerId: provider.id, subject: identity.subject } },
      select: { user: { select: knownUserSelect } },
    }),
    identity.email
      ? // Emails are unique within a district (ADR 019): only this district's account can be linked.
        db.user.findFirst({
          where: { districtId: provider.districtId, email: identity.email.toLowerCase() },
          select: knownUserSelect,
        })
      : null,
  ])
  const decision: SsoAccountDecision = decideSsoAccount({
    provider: {
      districtId: provider.districtId,
      allowedDomains: provider.allowedDomains,
      defaultRole: provider.defaultRole,
      provisioning: provider.district.ssoProvisioning,
    },
    claims: identity,
    linkedUser: known(linked?.user ?? null),
    userWithEmail: known(withEmail),
  })
  const who = { email: identity.email, subject: identity.subject }
  if (decision.kind === 'refuse') {
    // Never name another district's user in this district's log.
    const userId = decision.reason === 'other_district' ? null : (decision.userId ?? null)
    throw await refuse(decision.reason, userId, who)
  }

  const result = await db.$transaction(async (tx) => {
    let userId: string
    if (decision.kind === 'provision') {
      const user = await tx.user.create({
        data: {
          districtId: provider.districtId,
          email: decision.email,
          name: decision.name,
          ...(decision.awaitingApproval ? { deactivatedAt: now, awaitingApprovalSince: now } : {}),
        },
        select: { id: true },
      })
      userId = user.id
      if (decision.role) {
        await tx.membership.create({ data: { districtId: provider.districtId, userId, role: decision.role } })
      }
      await tx.userIdentity.create({
        data: { userId, providerId: provider.id, subject: identity.subject, lastUsedAt: now },
      })
      await audit(tx, provider.districtId, userId, 'auth.sso_provision', {
        providerId: provider.id,
        provider: provider.displayName,
        role: decision.role,
        awaitingApproval: decision.awaitingApproval,
        ...who,
      })
      if (decision.awaitingApproval) return { userId, awaitingApproval: true as const }
    } else if (decision.kind === 'link') {
      userId = decision.userId
      await tx.userIdentity.create({
        data: { userId, providerId: provider.id, subject: identity.subject, lastUsedAt: now },
      })
      await audit(tx, provider.districtId, userId, 'auth.sso_link', {
        providerId: provider.id,
        provider: provider.displayName,
        ...who,
      })
    } else {
      userId = decision.userId
      await tx.userIdentity.update({
        where: { providerId_subject: { providerId: provider.id, subject: identity.subject } },
        data: { lastUsedAt: now },
      })
    }
    const created = await createSession(tx, session, userId, meta, provider.id)
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } })
    await audit(tx, provider.districtId, userId, 'auth.sso_sign_in', {
      providerId: provider.id,
      provider: provider.displayName,
      ip: meta.ip,
    })
    return { userId, created }
  })
  if ('awaitingApproval' in result) throw new SsoError('awaiting_approval')
  const actor = await loadActor(db, result.userId)
  if (!actor) throw new SsoError('deactivated')
  return { ...result.created, redirectTo: attempt.redirectTo ?? homePathFor(actor) }
}

/** The provider's end-session URL for a session that signed in through it, when the provider has one. */
export async function providerSignOutUrl({
  db,
  secrets,
  identityProviderId,
  postLogoutRedirectUri,
}: {
  db: DbTx
  secrets: SecretBox
  identityProviderId: string | null
  postLogoutRedirectUri: string
}): Promise<{ url: string; providerName: string } | null> {
  if (!identityProviderId) return null
  const provider = await findProvider(db, { id: identityProviderId })
  if (!provider) return null
  try {
    const url = endSessionUrl(await relyingParty(relyingPartyOf(provider, secrets)), postLogoutRedirectUri)
    return url ? { url, providerName: provider.displayName } : null
  } catch {
    return null
  }
}
