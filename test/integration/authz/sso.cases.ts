// Single sign-on: the district's identity providers and sign-in policy are for its admins only.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../server/db/client.ts'
import { defaultAppServices } from '../../../server/trpc/context.ts'
import type { World } from '../../factories/index.ts'
import type { ActorKey, AuthzCase } from './types.ts'

const admins: ActorKey[] = ['admin']
const fresh = () => randomUUID().slice(0, 8)

/** A provider of `w`'s district, made fresh for each caller (update and delete consume it). */
async function providerOf(w: World, db: Db) {
  const provider = await db.identityProvider.create({
    data: {
      districtId: w.district.id,
      kind: 'google',
      displayName: 'Google Workspace',
      issuer: 'https://accounts.google.com',
      clientId: `client-${fresh()}`,
      clientSecretSealed: defaultAppServices.secrets!.seal('secret'),
      allowedDomains: [`d-${fresh()}.example`],
    },
  })
  return provider.id
}

export const ssoCases: AuthzCase[] = [
  { path: 'sso.providers', input: () => undefined, allow: admins, ownDistrictOnly: true },
  {
    path: 'sso.createProvider',
    input: () => ({
      kind: 'oidc',
      displayName: 'ClassLink',
      issuer: 'https://launchpad.classlink.example',
      clientId: `client-${fresh()}`,
      clientSecret: 'client-secret',
      allowedDomains: [`d-${fresh()}.example`],
      defaultRole: 'viewer',
    }),
    allow: admins,
    ownDistrictOnly: true,
  },
  {
    path: 'sso.updateProvider',
    input: async (w, db) => ({ id: await providerOf(w, db), displayName: 'Renamed' }),
    allow: admins,
  },
  {
    path: 'sso.deleteProvider',
    input: async (w, db) => ({ id: await providerOf(w, db) }),
    allow: admins,
  },
  {
    path: 'sso.updatePolicy',
    input: () => ({ ssoProvisioning: 'self_service' }),
    allow: admins,
    ownDistrictOnly: true,
  },
  {
    // Port 1 is refused by fetch at once: no network in the matrix.
    path: 'sso.testConnection',
    input: () => ({ issuer: 'http://127.0.0.1:1' }),
    allow: admins,
    ownDistrictOnly: true,
  },
]
