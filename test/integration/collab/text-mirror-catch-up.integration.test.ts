// The `*Text` columns are a debounced mirror of the collaborative document. Pages that show the
// worksheet (cycle.byId, read by the cycle page's server loader) read the stored document instead, so a
// reload right after an acknowledged edit shows it; and a document stored but never mirrored (the
// process died within the mirror's delay) brings its columns up to date when it is loaded again.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendDocumentUpdates } from '../../../server/services/collab/append-document-updates.ts'
import { createWorld, insertCycle } from '../../factories/index.ts'
import { callerFor } from '../../utils/caller.ts'
import {
  connectCycleDocument,
  connectDoc,
  cookieFor,
  type StartedCollabServer,
  startCollabServer,
  typeInto,
  waitFor,
} from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

let database: TestDatabase
let world: Awaited<ReturnType<typeof createWorld>>
let cookie: string
const servers: StartedCollabServer[] = []

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db)
  cookie = await cookieFor(database.db, world.users.member.id)
})

afterAll(async () => {
  for (const s of servers) await s.close()
  await database?.close()
})

const newCycle = () =>
  insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
  })

const columnText = async (cycleId: string) =>
  (await database.db.pdsaCycle.findUniqueOrThrow({ where: { id: cycleId } })).objectiveText

describe('cycle text right after an edit', () => {
  it('cycle.byId shows an acknowledged edit while the columns still lag (mirror delay)', async () => {
    // The mirror waits a minute: the columns stay behind for the whole test.
    const server = await startCollabServer(database.db, { mirrorDelayMs: 60_000, mirrorMaxDelayMs: 60_000 })
    servers.push(server)
    const cycle = await newCycle()
    const writer = connectCycleDocument(server, cycle.id, cookie)
    try {
      await waitFor(() => writer.getStatus().synced)
      typeInto(writer.doc, 'Just typed')
      await waitFor(() => !writer.getStatus().unsaved)
      expect(await columnText(cycle.id)).toBe('')
      // Read as the API and the server-rendered page do, in a context that holds no document (as if
      // the edit had landed on another instance): the stored document is the source.
      const view = await callerFor(database.db, world.actors.member).cycle.byId({ id: cycle.id })
      expect(view.texts.objective).toBe('Just typed')
    } finally {
      writer.destroy()
    }
  })
})

describe('text columns after a crash within the mirror delay', () => {
  it('are written when the document is loaded again, without a further edit', async () => {
    const cycle = await newCycle()
    // What a crash leaves: the update committed (the client got its acknowledgement), the mirror never ran.
    const doc = new Y.Doc()
    typeInto(doc, 'Stored, never mirrored')
    await appendDocumentUpdates({
      db: database.db,
      instanceId: 'crashed',
      rows: [{ cycleId: cycle.id, data: Y.encodeStateAsUpdate(doc), userId: world.users.member.id }],
    })
    expect(await columnText(cycle.id)).toBe('')
    const server = await startCollabServer(database.db)
    servers.push(server)
    const reader = connectDoc(server, cycle.id, cookie)
    try {
      await waitFor(() => reader.text() === 'Stored, never mirrored')
      await waitFor(async () => (await columnText(cycle.id)) === 'Stored, never mirrored')
      const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id: cycle.id } })
      const stored = await database.db.yUpdate.findFirstOrThrow({ where: { cycleId: cycle.id } })
      expect(row.lastEditedAt.getTime()).toBe(stored.createdAt.getTime())
    } finally {
      reader.destroy()
    }
  })
})
