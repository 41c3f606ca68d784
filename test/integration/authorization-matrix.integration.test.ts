// The authorization matrix: every tRPC procedure, called by every role of the record's district and by
// every role of another district. Area files in ./authz/ declare who may call what; this file fails if a
// procedure of the router has no case, so new procedures cannot skip the check.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '../../server/trpc/root.ts'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import { ALL_CASES } from './authz/index.ts'
import { ACTOR_KEYS, type AuthzCase } from './authz/types.ts'

let database: TestDatabase
let home: World
let away: World

beforeAll(async () => {
  database = await createTestDatabase()
  home = await createWorld(database.db, 'Home')
  away = await createWorld(database.db, 'Away')
})
afterAll(() => database.close())

const procedurePaths = Object.keys(appRouter._def.procedures).sort()

async function call(actorWorld: World, key: (typeof ACTOR_KEYS)[number], c: AuthzCase) {
  const caller = callerFor(database.db, actorWorld.actors[key]) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >
  const [area, name] = c.path.split('.') as [string, string]
  const fn = caller[area]?.[name]
  if (!fn) throw new Error(`No procedure ${c.path}`)
  const input = await c.input(home, database.db)
  try {
    return { ok: true as const, value: await fn(input) }
  } catch (error) {
    return { ok: false as const, code: error instanceof TRPCError ? error.code : 'UNKNOWN', error }
  }
}

/** Every id of the home world's district, to check that nothing of it reaches another district. */
function homeIds(): string[] {
  return [
    home.district.id,
    home.schoolA.id,
    home.schoolB.id,
    home.teamA.id,
    home.teamB.id,
    home.goal.id,
    home.cycle.id,
    home.measure.id,
    home.changeIdea.id,
    home.comment.id,
    home.districtGoal.id,
    home.primary.id,
  ]
}

describe('authorization matrix', () => {
  it('has a case for every procedure of the router', () => {
    const covered = new Set(ALL_CASES.map((c) => c.path))
    expect(procedurePaths.filter((p) => !covered.has(p))).toEqual([])
    expect([...covered].filter((p) => !procedurePaths.includes(p))).toEqual([])
  })

  it('declares who may call every procedure (meta.access)', () => {
    const missing = procedurePaths.filter((p) => {
      const def = (
        appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: string } } }>
      )[p]
      return !def?._def.meta?.access
    })
    expect(missing).toEqual([])
  })

  it('refuses signed-out callers everywhere except auth.me', async () => {
    for (const path of procedurePaths.filter((p) => p !== 'auth.me')) {
      const [area, name] = path.split('.') as [string, string]
      const caller = callerFor(database.db, null) as unknown as Record<
        string,
        Record<string, (i: unknown) => Promise<unknown>>
      >
      const c = ALL_CASES.find((x) => x.path === path)
      await expect(
        caller[area]![name]!(c ? await c.input(home, database.db) : {}),
        path,
      ).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      })
    }
  })

  for (const c of ALL_CASES) {
    describe(c.path, () => {
      for (const key of ACTOR_KEYS) {
        const allowed = c.allow.includes(key)
        it(`${key} of the same district is ${allowed ? 'allowed' : 'refused'}`, async () => {
          const result = await call(home, key, c)
          if (allowed) {
            const authzFailure =
              !result.ok && ['FORBIDDEN', 'UNAUTHORIZED', 'NOT_FOUND'].includes(result.code)
            expect(
              authzFailure ? `${result.code}: ${(result as { error: Error }).error.message}` : 'ok',
            ).toBe('ok')
          } else if (c.refusal === 'filtered') {
            expect(result.ok).toBe(true)
          } else {
            expect(result.ok ? 'ok' : result.code).toBe(c.refusal ?? 'FORBIDDEN')
          }
        })
        it(`${key} of another district never reaches it`, async () => {
          const result = await call(away, key, c)
          if (result.ok) {
            expect(
              c.refusal === 'filtered' || c.ownDistrictOnly,
              `${c.path} returned data across districts`,
            ).toBe(true)
            const json = JSON.stringify(result.value ?? null)
            for (const id of homeIds()) expect(json.includes(id), `${c.path} leaked ${id}`).toBe(false)
          } else if (c.ownDistrictOnly && !allowed) {
            // Acts only on the caller's own district: refused there just as in the home district.
            expect(result.code).toBe(c.refusal ?? 'FORBIDDEN')
          } else {
            expect(result.code).toBe('NOT_FOUND')
          }
        })
      }
    })
  }
})
