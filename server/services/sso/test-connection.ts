// "Test connection": fetches the provider's discovery document and says precisely what is wrong with it,
// in words an IT office can act on. Reads only public metadata; needs no client secret.

const TIMEOUT_MS = 8_000

export interface ConnectionCheck {
  label: string
  ok: boolean
  detail?: string
}

export type ConnectionReport =
  | { ok: true; issuer: string; checks: ConnectionCheck[]; endSession: boolean }
  | { ok: false; problem: string; checks: ConnectionCheck[] }

type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'manual' }) => Promise<Response>

export async function testIdentityProviderConnection(
  issuer: string,
  fetchImpl: FetchLike = fetch,
): Promise<ConnectionReport> {
  const discoveryUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  let response: Response
  try {
    response = await fetchImpl(discoveryUrl, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' })
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } }
    const host = new URL(discoveryUrl).host
    const code = e.cause?.code
    const problem =
      e.name === 'TimeoutError'
        ? `${host} did not answer within ${TIMEOUT_MS / 1000} seconds.`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `No server named ${host} could be found. Check the issuer's spelling.`
          : code === 'ECONNREFUSED'
            ? `Nothing is accepting connections at ${host}.`
            : code?.startsWith('CERT_') ||
                code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
                code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
              ? `${host} presented a certificate that cannot be trusted (${code}).`
              : `${host} could not be reached${code ? ` (${code})` : ''}.`
    return { ok: false, problem, checks: [] }
  }
  if (response.status >= 300 && response.status < 400) {
    return {
      ok: false,
      problem: `${discoveryUrl} redirects elsewhere (HTTP ${response.status}); enter the issuer the provider documents.`,
      checks: [],
    }
  }
  if (!response.ok) {
    return {
      ok: false,
      problem: `${discoveryUrl} answered HTTP ${response.status}: there is no OpenID Connect configuration at this issuer.`,
      checks: [],
    }
  }
  let metadata: Record<string, unknown>
  try {
    metadata = (await response.json()) as Record<string, unknown>
  } catch {
    return { ok: false, problem: `${discoveryUrl} did not return JSON.`, checks: [] }
  }
  const list = (key: string) =>
    Array.isArray(metadata[key]) ? (metadata[key] as unknown[]).map(String) : null
  const has = (key: string) => typeof metadata[key] === 'string' && metadata[key] !== ''
  const checks: ConnectionCheck[] = [
    {
      label: 'Issuer matches',
      ok: metadata.issuer === issuer || metadata.issuer === issuer.replace(/\/$/, ''),
      detail:
        metadata.issuer === issuer
          ? undefined
          : `The provider calls itself ${String(metadata.issuer)}; use that as the issuer.`,
    },
    { label: 'Authorization endpoint', ok: has('authorization_endpoint') },
    { label: 'Token endpoint', ok: has('token_endpoint') },
    { label: 'Signing keys (JWKS)', ok: has('jwks_uri') },
    {
      label: 'Authorization code flow',
      ok: list('response_types_supported')?.includes('code') ?? true,
      detail: 'The provider does not offer the authorization code flow (response type "code").',
    },
    {
      label: 'PKCE with S256',
      // Many providers support PKCE without advertising it; only an explicit list without S256 fails.
      ok: list('code_challenge_methods_supported')?.includes('S256') ?? true,
      detail: 'The provider lists PKCE methods without S256.',
    },
    {
      label: 'Email scope',
      ok: list('scopes_supported')?.includes('email') ?? true,
      detail: 'The provider does not list the "email" scope: sign-in needs a verified email address.',
    },
  ].map((c) =>
    c.ok
      ? { label: c.label, ok: true }
      : { label: c.label, ok: false, detail: c.detail ?? `Missing ${c.label.toLowerCase()}.` },
  )
  const failed = checks.filter((c) => !c.ok)
  if (failed.length > 0) return { ok: false, problem: failed.map((c) => c.detail).join(' '), checks }
  return { ok: true, issuer: String(metadata.issuer), checks, endSession: has('end_session_endpoint') }
}
