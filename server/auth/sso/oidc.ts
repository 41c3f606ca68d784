// The OpenID Connect relying party, through openid-client v6: discovery (cached per provider version),
// the authorization URL (code flow, PKCE S256, state, nonce) and the code exchange with every ID-token
// check openid-client makes (signature, issuer, audience, expiry with CLOCK_TOLERANCE_SECONDS, nonce).
import type { SsoErrorCode } from '@pdsa/domain'
import * as oidc from 'openid-client'

export const CLOCK_TOLERANCE_SECONDS = 30
const DISCOVERY_TTL_MS = 10 * 60_000
const TIMEOUT_SECONDS = 10

export interface RelyingPartyProvider {
  id: string
  issuer: string
  clientId: string
  clientSecret: string
  updatedAt: Date
}

/** A single sign-on failure, with a code the sign-in page turns into plain words. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'SsoError'
  }
}

const isLocalHttp = (issuer: string) => new URL(issuer).protocol === 'http:'

const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>()

export async function relyingParty(provider: RelyingPartyProvider): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config
  for (const k of cache.keys()) if (k.startsWith(`${provider.id}:`)) cache.delete(k)
  const config = oidc
    .discovery(
      new URL(provider.issuer),
      provider.clientId,
      { client_secret: provider.clientSecret, [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
      oidc.ClientSecretPost(provider.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        // Plain http is accepted only for a provider on this machine (IssuerSchema refuses it elsewhere).
        ...(isLocalHttp(provider.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    )
    .catch((error: unknown) => {
      cache.delete(key)
      throw toSsoError(error)
    })
  cache.set(key, { at: Date.now(), config })
  return config
}

export interface AuthorizationRequest {
  url: URL
  state: string
  nonce: string
  codeVerifier: string
}

export async function authorizationRequest(
  config: oidc.Configuration,
  redirectUri: string,
  loginHint?: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = oidc.randomPKCECodeVerifier()
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  })
  return { url, state, nonce, codeVerifier }
}

export interface VerifiedIdentity {
  subject: string
  email: string | null
  emailVerified: boolean
  name: string | null
}

/** Exchanges the code and returns the verified identity; throws SsoError on any failed check. */
export async function verifiedIdentity(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    })
    const claims = tokens.claims()
    if (!claims) throw new SsoError('invalid_response', 'no ID token')
    let email = typeof claims.email === 'string' ? claims.email : null
    let verified = claims.email_verified
    let name = typeof claims.name === 'string' ? claims.name : null
    // Some providers keep the email for the userinfo endpoint.
    if (!email && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
      email = typeof info.email === 'string' ? info.email : null
      verified = info.email_verified
      name ??= typeof info.name === 'string' ? info.name : null
    }
    return { subject: claims.sub, email, emailVerified: verified === true || verified === 'true', name }
  } catch (error) {
    throw toSsoError(error)
  }
}

export function endSessionUrl(config: oidc.Configuration, postLogoutRedirectUri: string): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null
  return oidc
    .buildEndSessionUrl(config, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      client_id: config.clientMetadata().client_id,
    })
    .toString()
}

/** Sorts what openid-client (or fetch under it) threw into what the person is told. */
export function toSsoError(error: unknown): SsoError {
  if (error instanceof SsoError) return error
  const e = error as {
    name?: string
    code?: string
    message?: string
    error?: string
    error_description?: string
    cause?: unknown
  }
  if (e.name === 'AuthorizationResponseError' || e.name === 'ResponseBodyError') {
    return new SsoError(
      'provider_error',
      [e.error, e.error_description].filter(Boolean).join(': ') || e.message,
    )
  }
  const causeCode = (e.cause as { code?: string } | undefined)?.code
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    (e.name === 'TypeError' && /fetch failed/.test(e.message ?? '')) ||
    ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(
      causeCode ?? '',
    )
  ) {
    return new SsoError('provider_unreachable', causeCode ?? e.name)
  }
  return new SsoError('invalid_response', e.message ?? String(error))
}
