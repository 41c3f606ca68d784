// District admins manage their identity providers and the district's single sign-on policy. Client
// secrets are sealed before they are stored and never returned (ADR 028).
import {
  type Actor,
  type CreateIdentityProviderInput,
  DomainError,
  notFound,
  type UpdateIdentityProviderInput,
  type UpdateSsoPolicyInput,
} from '@pdsa/domain'
import type { SecretBox } from '../../auth/sso/secret-box.ts'
import type { Db, DbTx } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { assertAdmin } from '../org/admin.ts'

const providerSelect = {
  id: true,
  kind: true,
  displayName: true,
  issuer: true,
  clientId: true,
  allowedDomains: true,
  defaultRole: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { identities: true } },
} as const

function requireSecrets(secrets: SecretBox | undefined): SecretBox {
  if (!secrets)
    throw new DomainError('INVALID_STATE', 'Single sign-on is not configured on this server (no secret key).')
  return secrets
}

/** An email domain signs in through one district only: the first district to claim it keeps it. */
async function assertDomainsFree(tx: DbTx, actor: Actor, domains: readonly string[]) {
  const taken = await tx.identityProvider.findFirst({
    where: { districtId: { not: actor.districtId }, allowedDomains: { hasSome: [...domains] } },
    select: { allowedDomains: true },
  })
  if (taken) {
    const domain = domains.find((d) => taken.allowedDomains.includes(d))
    throw new DomainError('CONFLICT', `${domain} already signs in through another organisation's provider.`, {
      fieldErrors: { allowedDomains: [`${domain} is already in use.`] },
    })
  }
}

/** While single sign-on is required, the district keeps at least one provider that is on. */
async function assertNotLastRequiredProvider(tx: DbTx, actor: Actor, id: string, what: string) {
  const district = await tx.district.findUniqueOrThrow({
    where: { id: actor.districtId },
    select: { ssoRequired: true },
  })
  const others = await tx.identityProvider.count({
    where: { districtId: actor.districtId, enabled: true, id: { not: id } },
  })
  if (district.ssoRequired && others === 0) {
    throw new DomainError(
      'INVALID_STATE',
      `Single sign-on is required for this district: turn that off before ${what} its last provider.`,
    )
  }
}

async function assertOwnProvider(db: DbTx, actor: Actor, id: string) {
  const own = await db.identityProvider.findFirst({
    where: { id, districtId: actor.districtId },
    select: { id: true },
  })
  if (!own) throw notFound('Identity provider')
}

const toDto = <T extends { _count: { identities: number } }>({ _count, ...p }: T) => ({
  ...(p as Omit<T, '_count'>),
  linkedAccounts: _count.identities,
})

export async function listIdentityProviders({ db, actor }: { db: DbTx; actor: Actor }) {
  assertAdmin(actor, 'manage single sign-on')
  const [district, providers] = await Promise.all([
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { slug: true, ssoRequired: true, ssoProvisioning: true },
    }),
    db.identityProvider.findMany({
      where: { districtId: actor.districtId },
      orderBy: { createdAt: 'asc' },
      select: providerSelect,
    }),
  ])
  return { policy: district, providers: providers.map(toDto) }
}

export async function createIdentityProvider({
  db,
  actor,
  secrets,
  clientSecret,
  ...input
}: { db: Db; actor: Actor; secrets: SecretBox | undefined } & CreateIdentityProviderInput) {
  assertAdmin(actor, 'manage single sign-on')
  const sealed = requireSecrets(secrets).seal(clientSecret)
  return db.$transaction(async (tx) => {
    await assertDomainsFree(tx, actor, input.allowedDomains)
    const provider = await tx.identityProvider.create({
      data: { districtId: actor.districtId, ...input, clientSecretSealed: sealed },
      select: providerSelect,
    })
    // The audit event never holds the secret.
    await recordAudit(tx, actor, {
      action: 'sso.provider_create',
      entityType: 'identity_provider',
      entityId: provider.id,
      after: input,
    })
    return toDto(provider)
  })
}

export async function updateIdentityProvider({
  db,
  actor,
  secrets,
  id,
  clientSecret,
  ...patch
}: { db: Db; actor: Actor; secrets: SecretBox | undefined } & UpdateIdentityProviderInput) {
  // Another district's provider is "not found" for everyone; then only admins may change one.
  await assertOwnProvider(db, actor, id)
  assertAdmin(actor, 'manage single sign-on')
  const sealed = clientSecret === undefined ? undefined : requireSecrets(secrets).seal(clientSecret)
  return db.$transaction(async (tx) => {
    const current = await tx.identityProvider.findFirst({
      where: { id, districtId: actor.districtId },
      select: {
        displayName: true,
        issuer: true,
        clientId: true,
        allowedDomains: true,
        defaultRole: true,
        enabled: true,
      },
    })
    if (!current) throw notFound('Identity provider')
    if (patch.allowedDomains) await assertDomainsFree(tx, actor, patch.allowedDomains)
    if (patch.enabled === false) await assertNotLastRequiredProvider(tx, actor, id, 'turning off')
    const { before, after } = changedFields(current as unknown as Record<string, unknown>, patch)
    const provider = await tx.identityProvider.update({
      where: { id },
      data: { ...patch, ...(sealed ? { clientSecretSealed: sealed } : {}) },
      select: providerSelect,
    })
    await recordAudit(tx, actor, {
      action: 'sso.provider_update',
      entityType: 'identity_provider',
      entityId: id,
      before,
      after: sealed ? { ...(after as object), clientSecret: 'replaced' } : after,
    })
    return toDto(provider)
  })
}

export async function deleteIdentityProvider({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  await assertOwnProvider(db, actor, id)
  assertAdmin(actor, 'manage single sign-on')
  await db.$transaction(async (tx) => {
    const current = await tx.identityProvider.findFirst({
      where: { id, districtId: actor.districtId },
      select: { displayName: true, issuer: true },
    })
    if (!current) throw notFound('Identity provider')
    await assertNotLastRequiredProvider(tx, actor, id, 'removing')
    await tx.identityProvider.delete({ where: { id } })
    await recordAudit(tx, actor, {
      action: 'sso.provider_delete',
      entityType: 'identity_provider',
      entityId: id,
      before: current,
    })
  })
}

export async function updateSsoPolicy({
  db,
  actor,
  ...patch
}: { db: Db; actor: Actor } & UpdateSsoPolicyInput) {
  assertAdmin(actor, 'manage single sign-on')
  await db.$transaction(async (tx) => {
    const district = await tx.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { id: true, ssoRequired: true, ssoProvisioning: true },
    })
    if (patch.ssoRequired) {
      const enabled = await tx.identityProvider.count({
        where: { districtId: actor.districtId, enabled: true },
      })
      if (enabled === 0) {
        throw new DomainError(
          'INVALID_STATE',
          'Add and enable an identity provider before requiring single sign-on.',
        )
      }
    }
    const { before, after, changed } = changedFields(district as unknown as Record<string, unknown>, patch)
    if (!changed) return
    await tx.district.update({ where: { id: actor.districtId }, data: patch })
    await recordAudit(tx, actor, {
      action: 'sso.policy_update',
      entityType: 'district',
      entityId: district.id,
      before,
      after,
    })
  })
  return listIdentityProviders({ db, actor })
}
