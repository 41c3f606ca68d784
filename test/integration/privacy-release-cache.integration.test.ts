// The release cache (docs/decisions/017 §4): warm reads cost one primary-key lookup; a change of the
// district's threshold or of a series' rows is seen at once; after a write elsewhere in the district a
// series whose rows and inputs did not change keeps its decision without reloading its rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/client.ts'
import { loadPrivacyContext } from '../../server/services/analytics/privacy-context.ts'
import {
  clearReleaseCache,
  loadSeriesReleases,
  seriesKeyOf,
} from '../../server/services/analytics/release.ts'
import { createWorld, insertMeasure, type World } from '../factories/index.ts'
import { insertObservations } from '../factories/observations.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let otherMeasureId: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Cache')
  otherMeasureId = (await insertMeasure(database.db, world.district.id)).id
  for (const measureId of [world.measure.id, otherMeasureId]) {
    await insertObservations(database.db, {
      districtId: world.district.id,
      measureId,
      schoolId: world.schoolA.id,
      rows: ['2025-09-01', '2025-09-08'].flatMap((period) => [
        { studentGroupId: world.groups.ALL.id, period, numerator: 30, denominator: 100 },
        { studentGroupId: world.groups.EL.id, period, numerator: 4, denominator: 12 },
        { studentGroupId: world.groups.SED.id, period, numerator: 15, denominator: 50 },
      ]),
    })
  }
})
afterAll(() => database.close())

/** The db with a count of every operation and of observation reads. */
function counting() {
  const counts = { all: 0, observationReads: 0, seriesLoaded: 0 }
  const db = database.db.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        counts.all++
        if (model === 'Observation' && operation === 'findMany') {
          counts.observationReads++
          counts.seriesLoaded += (args as { where?: { OR?: unknown[] } }).where?.OR?.length ?? 0
        }
        return query(args)
      },
    },
  }) as unknown as Db
  return { db, counts }
}

const keyA = () => ({ measureId: world.measure.id, schoolId: world.schoolA.id })
const keyB = () => ({ measureId: otherMeasureId, schoolId: world.schoolA.id })

async function releases(db: Db) {
  const privacy = await loadPrivacyContext(database.db, world.actors.leader)
  return loadSeriesReleases({ db, districtId: world.district.id, keys: [keyA(), keyB()], privacy })
}

const elDecision = async (db: Db, key = keyA()) =>
  (await releases(db)).get(seriesKeyOf(key))?.cells.get('2025-09-01')?.get(world.groups.EL.id)?.decision

describe('release cache', () => {
  it('reads only the data version when nothing changed', async () => {
    clearReleaseCache()
    const cold = counting()
    await releases(cold.db)
    expect(cold.counts).toMatchObject({ observationReads: 1, seriesLoaded: 2 })
    const warm = counting()
    await releases(warm.db)
    expect(warm.counts).toEqual({ all: 1, observationReads: 0, seriesLoaded: 0 })
  })

  it('decides a series once when concurrent requests ask for it', async () => {
    clearReleaseCache()
    const both = counting()
    const [a, b] = await Promise.all([releases(both.db), releases(both.db)])
    expect(both.counts).toMatchObject({ observationReads: 1, seriesLoaded: 2 })
    expect(a.get(seriesKeyOf(keyA()))).toBe(b.get(seriesKeyOf(keyA())))
  })

  it('sees a new threshold at once', async () => {
    expect((await elDecision(database.db))?.kind).toBe('shown')
    await database.db.district.update({
      where: { id: world.district.id },
      data: { suppressionThreshold: 15 },
    })
    expect(await elDecision(database.db)).toEqual({ kind: 'suppressed', reason: 'primary' })
    await database.db.district.update({
      where: { id: world.district.id },
      data: { suppressionThreshold: 10 },
    })
    expect((await elDecision(database.db))?.kind).toBe('shown')
  })

  it('re-decides a changed series and keeps the other without reloading its rows', async () => {
    await releases(database.db)
    await database.db.observation.updateMany({
      where: {
        measureId: otherMeasureId,
        studentGroupId: world.groups.EL.id,
        period: new Date('2025-09-01'),
      },
      data: { denominator: 8, numerator: 2, value: 25 },
    })
    const after = counting()
    expect(await elDecision(after.db, keyB())).toEqual({ kind: 'suppressed', reason: 'primary' })
    // one load, of the changed series only
    expect(after.counts).toMatchObject({ observationReads: 1, seriesLoaded: 1 })
    expect((await elDecision(database.db, keyA()))?.kind).toBe('shown')
  })
})
