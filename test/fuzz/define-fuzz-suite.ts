// The fuzz suite (docs/decisions/021-input-hygiene.md): every tRPC procedure, with inputs derived from its
// zod schema and hostile edits of a valid input (NUL, lone surrogates, ±1e308, long, right-to-left,
// SQL-like and prototype keys), as the roles that may call it, one that may not, and another district's
// admin. No answer may be an unexpected failure, carry internal text, or come with a database change when
// the call was refused. CI runs FUZZ_RUNS (default 200) inputs per procedure with a fixed seed;
// `pnpm fuzz --runs N [--seed S]` runs more. The procedures are split over FUZZ_SHARDS test files
// (test/integration/fuzz-procedures-N.integration.test.ts) so test workers run them side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../factories/index.ts'
import { ALL_CASES } from '../integration/authz/index.ts'
import { ACTOR_KEYS, type AuthzCase } from '../integration/authz/types.ts'
import { allowConsoleError } from '../setup/setup-test-env.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'
import {
  createFingerprint,
  describeFailure,
  type FuzzFailure,
  type FuzzStats,
  fuzzProcedure,
  inputArbitrary,
  numberLeafPaths,
  PROCEDURES,
  replaceAt,
  stringLeafPaths,
} from './fuzz-procedures.ts'
import type { ArbitraryContext } from './zod-arbitrary.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205)
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null
/** How many test files share the procedures (each file passes its own number to defineFuzzSuite). */
export const FUZZ_SHARDS = 4

/** Procedures that remove or close what others use run last, so the others meet a full world. */
const DESTRUCTIVE = /\.(delete|archive|revoke|transition|updateUser|revokeRole|updateDistrictSettings)/i

/** The fuzz tests of every FUZZ_SHARDS-th procedure, starting at `shard` (1-based), on one seeded database. */
export function defineFuzzSuite(shard: number, shards = FUZZ_SHARDS) {
  let database: TestDatabase
  let home: World
  let away: World
  let fingerprint: () => Promise<string>
  let ctx: ArbitraryContext

  beforeAll(async () => {
    database = await createTestDatabase()
    home = await createWorld(database.db, 'Home')
    away = await createWorld(database.db, 'Away')
    fingerprint = await createFingerprint(database.db)
    const idsOf = (w: World) => [
      w.district.id,
      w.schoolA.id,
      w.schoolB.id,
      w.teamA.id,
      w.teamB.id,
      w.measure.id,
      w.goal.id,
      w.primary.id,
      w.secondary.id,
      w.changeIdea.id,
      w.districtGoal.id,
      w.cycle.id,
      w.comment.id,
      ...Object.values(w.groups).map((g) => g.id),
      ...Object.values(w.users).map((u) => u.id),
    ]
    ctx = {
      ids: [...idsOf(home), ...idsOf(away).slice(0, 4)],
      codes: {
        measure: [home.measure.code, away.measure.code],
        school: [home.schoolA.code, home.schoolB.code],
        group: Object.values(home.groups).map((g) => g.code),
      },
      hostileShare: 0.1,
    }
  }, 120_000)
  afterAll(() => database.close())

  const cases = [...ALL_CASES]
    .filter((c) => !ONLY || ONLY.test(c.path))
    .sort((a, b) => Number(DESTRUCTIVE.test(a.path)) - Number(DESTRUCTIVE.test(b.path)))
    .filter((_, i) => i % shards === shard - 1)

  function actorsFor(c: AuthzCase) {
    const refused = ACTOR_KEYS.find((k) => !c.allow.includes(k))
    return [
      ...c.allow.map((key) => ({ key, actor: home.actors[key] })),
      ...(refused ? [{ key: `${refused} (not allowed)`, actor: home.actors[refused] }] : []),
      { key: 'admin of another district', actor: away.actors.admin },
    ]
  }

  const totals: { path: string; stats: FuzzStats; ms: number; cpuMs: number }[] = []

  describe(`fuzzing every procedure (part ${shard} of ${shards})`, () => {
    it('covers every procedure of the router', () => {
      expect(Object.keys(PROCEDURES).filter((p) => !ALL_CASES.some((c) => c.path === p))).toEqual([])
    })

    for (const c of cases) {
      it(`${c.path}: ${RUNS} inputs, no unexpected failure, no internal text, no write when refused`, async () => {
        allowConsoleError()
        const started = performance.now()
        const cpu = process.cpuUsage()
        const valid = await c.input(home, database.db)
        const failures: FuzzFailure[] = []
        const stats: FuzzStats = { fingerprintMs: 0, calls: 0, ok: 0, refused: {} }
        await fuzzProcedure({
          db: database.db,
          fingerprint,
          path: c.path,
          actors: actorsFor(c),
          arbitrary: inputArbitrary(c.path, valid, ctx),
          runs: RUNS,
          seed: SEED,
          failures,
          stats,
        })
        const used = process.cpuUsage(cpu)
        totals.push({
          path: c.path,
          stats,
          ms: performance.now() - started,
          cpuMs: (used.user + used.system) / 1000,
        })
        expect(stats.calls).toBeGreaterThanOrEqual(RUNS)
        expect(failures.slice(0, 5).map(describeFailure), `${failures.length} failures`).toEqual([])
      }, 600_000)
    }

    afterAll(() => {
      if (!process.env.FUZZ_REPORT) return
      const sum = (f: (t: (typeof totals)[number]) => number) =>
        Math.round(totals.reduce((a, t) => a + f(t), 0))
      console.log(
        `${totals.length} procedures, ${sum((t) => t.stats.calls)} calls: ${sum((t) => t.ms)} ms wall, ` +
          `${sum((t) => t.cpuMs)} ms CPU of this process, ${sum((t) => t.stats.fingerprintMs)} ms in fingerprints`,
      )
      for (const t of totals.sort((a, b) => b.ms - a.ms)) {
        console.log(
          `${t.path.padEnd(32)} ${String(Math.round(t.ms)).padStart(6)} ms (CPU ${Math.round(t.cpuMs)} ms, fingerprints ${Math.round(t.stats.fingerprintMs)} ms)  ok ${t.stats.ok}  ${JSON.stringify(t.stats.refused)}`,
        )
      }
    })
  })

  describe('text no column can hold, and numbers no measure can reach, are refused at the boundary', () => {
    const UNSTORABLE = ['before\u0000after', 'half \uD83D emoji', 'half \uDE00 emoji']
    const HUGE = [1e308, -1e308]
    for (const c of cases.filter((x) => !DESTRUCTIVE.test(x.path))) {
      it(`${c.path}`, async () => {
        allowConsoleError()
        const valid = await c.input(home, database.db)
        const caller = callerFor(database.db, home.actors[c.allow[0]!], {
          csrfVerified: true,
        }) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
        const [area, name] = c.path.split('.') as [string, string]
        const wrong: string[] = []
        const attempts = [
          ...stringLeafPaths(valid).flatMap((p) => UNSTORABLE.map((v) => [p, v] as const)),
          ...numberLeafPaths(valid).flatMap((p) => HUGE.map((v) => [p, v] as const)),
        ]
        for (const [path, value] of attempts) {
          const before = await fingerprint()
          const outcome = await caller[area]![name]!(replaceAt(valid, path, value)).then(
            () => 'accepted',
            (e: { code?: string }) => e.code ?? 'non-tRPC error',
          )
          if (outcome !== 'BAD_REQUEST')
            wrong.push(`${path.join('.')} = ${JSON.stringify(value)}: ${outcome}`)
          if (outcome !== 'accepted' && (await fingerprint()) !== before)
            wrong.push(`${path.join('.')}: refused but wrote`)
        }
        expect(wrong).toEqual([])
      }, 120_000)
    }
  })
}
