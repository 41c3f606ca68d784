// beforeHandleUpdate: once a cycle left Plan, its Plan sections (predictions included) are locked for
// everyone; the parts of updates that would change them are removed: never applied, never stored.

import { PLAN_SECTION_KEYS } from '@pdsa/domain/collab'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorld, insertCycle } from '../../factories/index.ts'
import {
  connectCycleDocument,
  connectDoc,
  cookieFor,
  type StartedCollabServer,
  startCollabServer,
  textOf,
  typeInto,
  waitFor,
} from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

let database: TestDatabase
let world: Awaited<ReturnType<typeof createWorld>>
let server: StartedCollabServer
let cookie: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db)
  server = await startCollabServer(database.db, { revalidateIntervalMs: 60_000 })
  cookie = await cookieFor(database.db, world.users.member.id)
})

afterAll(async () => {
  await server?.close()
  await database?.close()
})

const newCycle = (stage: 'plan' | 'do') =>
  insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
  }).then((c) => database.db.pdsaCycle.update({ where: { id: c.id }, data: { stage } }))

describe('locked Plan sections', () => {
  it('drops changes to Plan sections of a cycle in Do, and keeps the other sections editable', async () => {
    const cycle = await newCycle('do')
    const editor = connectCycleDocument(server, cycle.id, cookie)
    const peer = connectDoc(server, cycle.id, cookie)
    try {
      await waitFor(() => editor.getStatus().synced && peer.provider.synced)
      expect(editor.getStatus().locked).toEqual(PLAN_SECTION_KEYS)
      typeInto(editor.doc, 'we changed our minds', 'predictions')
      await waitFor(() => editor.getStatus().refusal === 'locked')
      typeInto(editor.doc, 'ran it on Monday', 'do')
      await waitFor(() => textOf(peer.doc, 'do') === 'ran it on Monday')
      expect(textOf(peer.doc, 'predictions')).toBe('')
      await server.collab.flush()
      const stored = new Y.Doc()
      for (const r of await database.db.yUpdate.findMany({
        where: { cycleId: cycle.id },
        orderBy: { id: 'asc' },
      })) {
        Y.applyUpdate(stored, r.data)
      }
      expect(textOf(stored, 'do')).toBe('ran it on Monday')
      expect(textOf(stored, 'predictions')).toBe('')
      expect(server.collab.stats().updatesDroppedLocked).toBeGreaterThan(0)
    } finally {
      editor.destroy()
      peer.destroy()
    }
  })

  it('locks the Plan sections of open documents when the cycle moves to Do', async () => {
    const cycle = await newCycle('plan')
    const editor = connectCycleDocument(server, cycle.id, cookie)
    const peer = connectDoc(server, cycle.id, cookie)
    try {
      await waitFor(() => editor.getStatus().synced && peer.provider.synced)
      expect(editor.getStatus().locked).toEqual([])
      typeInto(editor.doc, 'Attendance rises 5 points', 'predictions')
      await waitFor(() => textOf(peer.doc, 'predictions') === 'Attendance rises 5 points')
      // The transition service commits the stage and announces it.
      await database.db.pdsaCycle.update({ where: { id: cycle.id }, data: { stage: 'do' } })
      server.collab.onAccessChanged({ teamId: world.teamA.id })
      await waitFor(() => editor.getStatus().locked.includes('predictions'))
      typeInto(editor.doc, ' (edited later)', 'predictions')
      typeInto(editor.doc, 'started', 'do')
      await waitFor(() => textOf(peer.doc, 'do') === 'started')
      expect(textOf(peer.doc, 'predictions')).toBe('Attendance rises 5 points')
    } finally {
      editor.destroy()
      peer.destroy()
    }
  })

  it('drops updates to anything that is not a worksheet section', async () => {
    const cycle = await newCycle('plan')
    const editor = connectCycleDocument(server, cycle.id, cookie)
    const peer = connectDoc(server, cycle.id, cookie)
    try {
      await waitFor(() => editor.getStatus().synced && peer.provider.synced)
      editor.doc.getMap('scratch').set('x', 'y'.repeat(1000))
      await waitFor(() => editor.getStatus().refusal === 'invalid-section')
      typeInto(editor.doc, 'fine', 'objective')
      await waitFor(() => textOf(peer.doc, 'objective') === 'fine')
      expect(peer.doc.getMap('scratch').size).toBe(0)
    } finally {
      editor.destroy()
      peer.destroy()
    }
  })
})
