// The y-websocket protocol against stock WebsocketProvider clients: convergence, late joiners, and
// "a client is never synced against a document that has not finished loading".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorld } from '../../factories/index.ts'
import {
  type ConnectedDoc,
  connectDoc,
  cookieFor,
  type StartedCollabServer,
  startCollabServer,
  waitFor,
} from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

let database: TestDatabase
let server: StartedCollabServer
let world: Awaited<ReturnType<typeof createWorld>>
const open: ConnectedDoc[] = []

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db)
  server = await startCollabServer(database.db)
})

afterAll(async () => {
  for (const c of open) c.destroy()
  await server?.close()
  await database?.close()
})

async function member() {
  const c = connectDoc(server, world.cycle.id, await cookieFor(database.db, world.users.member.id))
  open.push(c)
  return c
}

describe('sync', () => {
  it('two clients converge, and a third that joins later receives the whole document', async () => {
    const a = await member()
    const b = await member()
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.type('Hello ')
    b.type('world', 'hypothesis')
    await waitFor(() => b.text() === 'Hello ' && a.text('hypothesis') === 'world')
    // Concurrent edits to the same paragraph merge the same way on both sides.
    a.type('A')
    b.type('B')
    await waitFor(() => a.text() === b.text() && a.text().length === 8)
    const c = await member()
    await waitFor(() => c.provider.synced)
    await waitFor(() => c.text() === a.text() && c.text('hypothesis') === 'world')
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc))
  })

  it('sends presence (awareness) between clients, with the name of the signed-in user', async () => {
    const a = await member()
    const b = await member()
    a.provider.awareness.setLocalStateField('user', { name: 'Someone Else', color: '#123456' })
    await waitFor(() => {
      const state = b.provider.awareness.getStates().get(a.doc.clientID) as
        | { user?: { name: string; color: string; id: string } }
        | undefined
      return state?.user?.color === '#123456' ? state : null
    }).then((state) => {
      // The server overwrites the claimed name with the session's user (no impersonation).
      expect(state.user).toMatchObject({ name: world.users.member.name, id: world.users.member.id })
    })
    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID))
  })

  it('loads the stored document before syncing anyone, however many connect at once', async () => {
    const cycle = await database.db.pdsaCycle.create({
      data: {
        districtId: world.district.id,
        schoolId: world.schoolA.id,
        teamId: world.teamA.id,
        title: 'Seeded cycle',
        plannedStart: new Date('2026-10-05'),
        plannedEnd: new Date('2026-10-16'),
        objectiveText: 'Text written before the editor existed',
      },
    })
    const cookie = await cookieFor(database.db, world.users.member.id)
    const clients = Array.from({ length: 5 }, () => connectDoc(server, cycle.id, cookie))
    open.push(...clients)
    await waitFor(() => clients.every((c) => c.provider.synced))
    // Every client saw the seeded text on its first sync: nobody got an empty document first.
    for (const c of clients) expect(c.text()).toBe('Text written before the editor existed')
    // Seeded exactly once, as a snapshot, however many loads raced.
    expect(await database.db.ySnapshot.count({ where: { cycleId: cycle.id } })).toBe(1)
    expect(await database.db.yUpdate.count({ where: { cycleId: cycle.id } })).toBe(0)
  })
})
