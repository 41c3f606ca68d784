// Compaction (writeState): the update log is merged into the snapshot under an advisory lock while
// other instances keep appending; exactly the merged rows are deleted, so no edit is ever lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendDocumentUpdates } from '../../../server/services/collab/append-document-updates.ts'
import { compactCycleDocument } from '../../../server/services/collab/compact-cycle-document.ts'
import { readCycleDocument } from '../../../server/services/collab/load-cycle-document.ts'
import { createWorld, insertCycle } from '../../factories/index.ts'
import { textOf, typeInto } from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

let database: TestDatabase
let world: Awaited<ReturnType<typeof createWorld>>

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db)
})

afterAll(async () => {
  await database?.close()
})

const newCycle = () =>
  insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
  })

/** `count` single-keystroke updates and the text they add up to. */
function keystrokes(count: number) {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < count; i++) typeInto(doc, `${i};`)
  return { updates, text: textOf(doc) }
}

async function storedText(cycleId: string) {
  const stored = await readCycleDocument(database.db, cycleId)
  const doc = new Y.Doc()
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return { text: textOf(doc), rows: stored.rowCount, pending: doc.store.pendingStructs !== null }
}

describe('compactCycleDocument', () => {
  it('keeps every edit when several instances compact while several append', async () => {
    const cycle = await newCycle()
    const { updates, text } = keystrokes(150)
    const writers = [0, 1, 2, 3, 4].map(async (w) => {
      // Writers append out of order (each takes every fifth update): compactions see gaps.
      for (let i = w; i < updates.length; i += 5) {
        await appendDocumentUpdates({
          db: database.db,
          instanceId: `writer-${w}`,
          rows: [{ cycleId: cycle.id, data: updates[i] as Uint8Array, userId: null }],
        })
      }
    })
    const statuses: string[] = []
    const compactors = [0, 1, 2].map(async () => {
      for (let i = 0; i < 12; i++)
        statuses.push((await compactCycleDocument({ db: database.db, cycleId: cycle.id })).status)
    })
    await Promise.all([...writers, ...compactors])
    expect(statuses).toContain('compacted')
    const afterRace = await storedText(cycle.id)
    expect(afterRace.text).toBe(text)
    expect(afterRace.pending).toBe(false)
    await compactCycleDocument({ db: database.db, cycleId: cycle.id })
    const final = await storedText(cycle.id)
    expect(final).toEqual({ text, rows: 0, pending: false })
    const snapshot = await database.db.ySnapshot.findUniqueOrThrow({ where: { cycleId: cycle.id } })
    expect(snapshot.byteSize).toBe(snapshot.state.byteLength)
    expect(snapshot.lastUpdateId).toBeGreaterThan(0n)
  })

  it('keeps structs whose predecessors are not stored yet (pending) in the snapshot', async () => {
    const cycle = await newCycle()
    const { updates, text } = keystrokes(4)
    const [first, ...rest] = updates as [Uint8Array, ...Uint8Array[]]
    await appendDocumentUpdates({
      db: database.db,
      instanceId: 'a',
      rows: rest.map((data) => ({ cycleId: cycle.id, data, userId: null })),
    })
    expect((await compactCycleDocument({ db: database.db, cycleId: cycle.id })).status).toBe('compacted')
    await appendDocumentUpdates({
      db: database.db,
      instanceId: 'b',
      rows: [{ cycleId: cycle.id, data: first, userId: null }],
    })
    expect((await storedText(cycle.id)).text).toBe(text)
  })

  it.runIf(process.env.TEST_DATABASE_URL)(
    'does not delete a row that commits after the compactor chose its rows, even with a lower id',
    async () => {
      const cycle = await newCycle()
      const { updates, text } = keystrokes(2)
      let inserted!: () => void
      const insertedSignal = new Promise<void>((r) => {
        inserted = r
      })
      let release!: () => void
      const gate = new Promise<void>((r) => {
        release = r
      })
      // A slow instance: INSERTs the first update (taking the lower id) and commits late.
      const slow = database.db.$transaction(async (tx) => {
        await tx.yUpdate.create({
          data: {
            cycleId: cycle.id,
            data: new Uint8Array(updates[0] as Uint8Array),
            byteSize: 1,
            instanceId: 'slow',
          },
        })
        inserted()
        await gate
      })
      await insertedSignal
      await appendDocumentUpdates({
        db: database.db,
        instanceId: 'fast',
        rows: [{ cycleId: cycle.id, data: updates[1] as Uint8Array, userId: null }],
      })
      const ids = await database.db.yUpdate.findMany({ where: { cycleId: cycle.id }, select: { id: true } })
      expect((await compactCycleDocument({ db: database.db, cycleId: cycle.id })).status).toBe('compacted')
      release()
      await slow
      const late = await database.db.yUpdate.findMany({ where: { cycleId: cycle.id }, select: { id: true } })
      expect(late).toHaveLength(1)
      expect(late[0]?.id).toBeLessThan(ids[0]?.id ?? 0n)
      expect((await storedText(cycle.id)).text).toBe(text)
    },
  )

  it.runIf(process.env.TEST_DATABASE_URL)(
    'lets only one of two simultaneous compactions work (advisory lock)',
    async () => {
      const cycle = await newCycle()
      const { updates } = keystrokes(400)
      await appendDocumentUpdates({
        db: database.db,
        instanceId: 'a',
        rows: updates.map((data) => ({ cycleId: cycle.id, data, userId: null })),
      })
      const results = await Promise.all(
        [0, 1, 2, 3].map(() => compactCycleDocument({ db: database.db, cycleId: cycle.id })),
      )
      const statuses = results.map((r) => r.status).sort()
      expect(statuses.filter((s) => s === 'compacted')).toHaveLength(1)
      expect(statuses.every((s) => s === 'compacted' || s === 'busy' || s === 'nothing')).toBe(true)
    },
  )
})
