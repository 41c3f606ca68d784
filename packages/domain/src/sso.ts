// Single sign-on through a district's OpenID Connect provider: the settings an admin enters, and the
// rules that decide what a verified sign-in does to accounts (ADR 028). Pure: no I/O.
import { z } from 'zod'
import type { Role } from './roles.ts'
import { IdSchema, TextSchema, TitleSchema } from './schemas/common.ts'

export const IDENTITY_PROVIDER_KINDS = ['google', 'microsoft', 'oidc'] as const
export type IdentityProviderKind = (typeof IDENTITY_PROVIDER_KINDS)[number]
export const IDENTITY_PROVIDER_KIND_LABELS: Record<IdentityProviderKind, string> = {
  google: 'Google Workspace',
  microsoft: 'Microsoft Entra ID',
  oidc: 'Other OpenID Connect provider (Clever, ClassLink…)',
}

export const SSO_PROVISIONING = [
  'existing_accounts_only',
  'self_service',
  'self_service_with_approval',
] as const
export type SsoProvisioning = (typeof SSO_PROVISIONING)[number]
export const SSO_PROVISIONING_LABELS: Record<SsoProvisioning, string> = {
  existing_accounts_only: 'Only people who already have an account',
  self_service: 'Anyone with a verified address from an allowed domain',
  self_service_with_approval: 'Anyone from an allowed domain, after an admin approves the account',
}

/** District-wide roles a provider may give new accounts; admin is never handed out by a provider. */
export const SSO_DEFAULT_ROLES = ['viewer', 'district_leader'] as const satisfies readonly Role[]

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The issuer must be https; plain http only for a provider on this machine (development and tests). */
export function issuerProblem(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'Enter the issuer as a full URL, e.g. https://accounts.google.com.'
  }
  if (url.protocol === 'https:') return url.search || url.hash ? 'The issuer has no query or fragment.' : null
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null
  return 'The issuer must be an https:// address.'
}

/** An issuer URL, with a discovery URL (…/.well-known/openid-configuration) accepted and trimmed to it. */
export const IssuerSchema = TextSchema.trim()
  .max(500, { message: 'At most 500 characters.' })
  .transform((s) => s.replace(/\/\.well-known\/openid-configuration\/?$/, ''))
  .superRefine((s, ctx) => {
    const problem = issuerProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export const EmailDomainSchema = TextSchema.trim()
  .toLowerCase()
  .transform((s) => s.replace(/^@/, ''))
  .refine((s) => DOMAIN_PATTERN.test(s), { message: 'Must be a domain such as riverbend.k12.ca.us.' })

const ClientIdSchema = TextSchema.trim()
  .min(1, { message: 'Enter the client id the provider gave you.' })
  .max(300, { message: 'At most 300 characters.' })
const ClientSecretSchema = TextSchema.trim()
  .min(1, { message: 'Enter the client secret the provider gave you.' })
  .max(1000, { message: 'At most 1,000 characters.' })

const providerFields = {
  kind: z.enum(IDENTITY_PROVIDER_KINDS),
  displayName: TitleSchema,
  issuer: IssuerSchema,
  clientId: ClientIdSchema,
  allowedDomains: z
    .array(EmailDomainSchema)
    .min(1, { message: 'Name at least one email domain, e.g. riverbend.k12.ca.us.' })
    .max(20, { message: 'At most 20 domains.' })
    .transform((domains) => [...new Set(domains)]),
  defaultRole: z.enum(SSO_DEFAULT_ROLES).nullable(),
  enabled: z.boolean(),
}

export const CreateIdentityProviderInputSchema = z.object({
  ...providerFields,
  clientSecret: ClientSecretSchema,
  enabled: providerFields.enabled.default(true),
})
export type CreateIdentityProviderInput = z.infer<typeof CreateIdentityProviderInputSchema>

/** Omitted fields stay as they are; the secret is only replaced when a new one is given. */
export const UpdateIdentityProviderInputSchema = z.object({
  id: IdSchema,
  displayName: providerFields.displayName.optional(),
  issuer: providerFields.issuer.optional(),
  clientId: providerFields.clientId.optional(),
  clientSecret: ClientSecretSchema.optional(),
  allowedDomains: providerFields.allowedDomains.optional(),
  defaultRole: providerFields.defaultRole.optional(),
  enabled: providerFields.enabled.optional(),
})
export type UpdateIdentityProviderInput = z.infer<typeof UpdateIdentityProviderInputSchema>

/** "Test connection" before saving (a secret is not needed to read discovery) or for a saved provider. */
export const TestIdentityProviderInputSchema = z.object({ issuer: IssuerSchema })
export type TestIdentityProviderInput = z.infer<typeof TestIdentityProviderInputSchema>

export const UpdateSsoPolicyInputSchema = z.object({
  ssoRequired: z.boolean().optional(),
  ssoProvisioning: z.enum(SSO_PROVISIONING).optional(),
})
export type UpdateSsoPolicyInput = z.infer<typeof UpdateSsoPolicyInputSchema>

/** Where the sign-in page sends someone who chose single sign-on: by email domain or a district's provider. */
export const StartSsoInputSchema = z.union([
  z.object({ providerId: IdSchema }),
  z.object({
    email: TextSchema.trim()
      .toLowerCase()
      .max(254, { message: 'At most 254 characters.' })
      .pipe(z.email({ message: 'Enter your school email address.' })),
  }),
])
export type StartSsoInput = z.infer<typeof StartSsoInputSchema>

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

/** Well-known issuers, filled in by the settings form (Entra needs the tenant's id or domain). */
export function suggestedIssuer(kind: IdentityProviderKind, tenant = ''): string {
  if (kind === 'google') return 'https://accounts.google.com'
  if (kind === 'microsoft') return `https://login.microsoftonline.com/${tenant || '<tenant-id>'}/v2.0`
  return ''
}

// ─── What a verified sign-in does to accounts ───

export interface SsoClaims {
  subject: string
  email: string | null
  emailVerified: boolean
  name: string | null
}

export interface SsoProviderPolicy {
  districtId: string
  allowedDomains: readonly string[]
  defaultRole: Role | null
  provisioning: SsoProvisioning
}

export interface SsoKnownUser {
  id: string
  districtId: string
  deactivated: boolean
  awaitingApproval: boolean
}

export type SsoRefusal =
  | 'email_missing'
  | 'email_unverified'
  | 'domain_not_allowed'
  | 'other_district'
  | 'deactivated'
  | 'awaiting_approval'
  | 'no_account'

export type SsoAccountDecision =
  | { kind: 'sign_in'; userId: string }
  | { kind: 'link'; userId: string }
  | {
      kind: 'provision'
      email: string
      name: string
      role: Role | null
      awaitingApproval: boolean
    }
  | { kind: 'refuse'; reason: SsoRefusal; userId?: string }

/**
 * The account rules of ADR 028, in order:
 * 1. An identity already linked to a user signs that user in, unless deactivated or awaiting approval.
 * 2. Otherwise the provider must vouch for the address: an email, verified, in one of the provider's domains.
 * 3. A user with that email is linked (never duplicated) when they belong to the provider's district.
 * 4. Nobody has it: an account is made only when the district allows self-service, else refused.
 */
export function decideSsoAccount(input: {
  provider: SsoProviderPolicy
  claims: SsoClaims
  linkedUser: SsoKnownUser | null
  userWithEmail: SsoKnownUser | null
}): SsoAccountDecision {
  const { provider, claims, linkedUser, userWithEmail } = input
  const refusalFor = (user: SsoKnownUser): SsoAccountDecision | null => {
    if (user.districtId !== provider.districtId)
      return { kind: 'refuse', reason: 'other_district', userId: user.id }
    if (user.awaitingApproval) return { kind: 'refuse', reason: 'awaiting_approval', userId: user.id }
    if (user.deactivated) return { kind: 'refuse', reason: 'deactivated', userId: user.id }
    return null
  }
  if (linkedUser) return refusalFor(linkedUser) ?? { kind: 'sign_in', userId: linkedUser.id }
  if (!claims.email) return { kind: 'refuse', reason: 'email_missing' }
  if (!claims.emailVerified) return { kind: 'refuse', reason: 'email_unverified' }
  const email = claims.email.toLowerCase()
  if (!provider.allowedDomains.includes(emailDomain(email)))
    return { kind: 'refuse', reason: 'domain_not_allowed' }
  if (userWithEmail) return refusalFor(userWithEmail) ?? { kind: 'link', userId: userWithEmail.id }
  if (provider.provisioning === 'existing_accounts_only') return { kind: 'refuse', reason: 'no_account' }
  return {
    kind: 'provision',
    email,
    name: claims.name?.trim().slice(0, 200) || email.slice(0, email.indexOf('@')),
    role: provider.defaultRole,
    awaitingApproval: provider.provisioning === 'self_service_with_approval',
  }
}

/** What the sign-in page says, in plain words, for each way a single sign-on can fail. */
export const SSO_ERROR_MESSAGES = {
  email_missing:
    'Your identity provider did not share an email address with PDSA Tracker. Ask your IT office to allow the "email" scope.',
  email_unverified:
    'Your identity provider has not verified your email address, so it cannot be used to sign in here.',
  domain_not_allowed:
    'Your email domain is not one this district signs in with. Use your school email account.',
  other_district: 'That account belongs to another district. Sign in through your own district.',
  deactivated: 'Your account has been deactivated. Ask a district admin if you need access again.',
  awaiting_approval: 'Your account was created and is waiting for a district admin to approve it.',
  no_account: 'There is no PDSA Tracker account for your address yet. Ask a district admin to add you.',
  no_provider:
    'Single sign-on is not set up for that email domain. Sign in with your password, or ask your district admin.',
  provider_unreachable: 'Your identity provider could not be reached. Try again in a few minutes.',
  provider_error: 'Your identity provider refused the sign-in.',
  invalid_response:
    'The answer from your identity provider could not be verified, so nothing was changed. Try signing in again.',
  expired: 'That sign-in link has expired or was already used. Start again.',
} as const
export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES
export const isSsoErrorCode = (code: string | null): code is SsoErrorCode =>
  code !== null && Object.hasOwn(SSO_ERROR_MESSAGES, code)
