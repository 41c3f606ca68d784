import type { Db } from '../../../server/db/client.ts'
import type { World } from '../../factories/index.ts'

export type ActorKey = keyof World['actors']
export const ACTOR_KEYS: readonly ActorKey[] = [
  'admin',
  'leader',
  'coach',
  'lead',
  'member',
  'viewer',
  'otherTeamMember',
  'principal',
]

/**
 * One procedure's authorization rule, checked by authorization-matrix.integration.test.ts:
 * every actor of the record's own district not in `allow` is refused (`refusal`, FORBIDDEN by default),
 * every actor of another district is refused with NOT_FOUND (or, for queries, sees none of the record's
 * district's ids), and every actor in `allow` gets through (success, or a non-authorization error).
 */
export interface AuthzCase {
  /** Procedure path, e.g. 'goal.update'. */
  path: string
  /**
   * Builds the input against `w` (the record's district). Called once per caller, so a mutation
   * that consumes its target (delete, transition) can create a fresh one here.
   */
  input: (w: World, db: Db) => unknown | Promise<unknown>
  allow: readonly ActorKey[]
  /** How same-district callers outside `allow` are refused. 'filtered': queries that return less instead of refusing. */
  refusal?: 'FORBIDDEN' | 'NOT_FOUND' | 'filtered'
  /** Procedures that act only on the caller's own district and take no record of another (e.g. navigation). */
  ownDistrictOnly?: boolean
}
