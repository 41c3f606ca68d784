// DEMO_IDENTITY_PROVIDER=true (embedded database only): starts the test OpenID Connect provider beside the
// demo and points the demo district at it, so "Sign in with single sign-on" can be tried without a real
// Google or Microsoft tenant. Every demo account can sign in there by typing its email (no password).

import type { SecretBox } from '../auth/sso/secret-box.ts'
import type { Db } from '../db/client.ts'

export async function startDemoIdentityProvider({
  db,
  secrets,
  publicOrigins,
  emails,
}: {
  db: Db
  secrets: SecretBox
  publicOrigins: readonly string[]
  emails: readonly { email: string; name: string }[]
}): Promise<{ issuer: string; close(): Promise<void> }> {
  const { startTestOidcProvider } = await import('./test-identity-provider.ts')
  const idp = await startTestOidcProvider({
    redirectUris: publicOrigins.map((o) => `${o}/auth/sso/callback`),
    postLogoutRedirectUris: publicOrigins.map((o) => `${o}/login`),
    accounts: emails.map((e) => ({
      sub: `demo-${e.email}`,
      email: e.email,
      emailVerified: true,
      name: e.name,
    })),
  })
  const district = await db.district.findUnique({ where: { slug: 'riverbend' }, select: { id: true } })
  if (district) {
    const data = {
      kind: 'oidc' as const,
      displayName: 'Demo identity provider',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretSealed: secrets.seal(idp.clientSecret),
      allowedDomains: ['riverbend.example'],
      defaultRole: 'viewer' as const,
      enabled: true,
    }
    const existing = await db.identityProvider.findFirst({
      where: { districtId: district.id, displayName: data.displayName },
      select: { id: true },
    })
    if (existing) await db.identityProvider.update({ where: { id: existing.id }, data })
    else await db.identityProvider.create({ data: { districtId: district.id, ...data } })
  }
  return { issuer: idp.issuer, close: () => idp.close() }
}
