// Limits: message and document size, per-connection rate, awareness size, dead connections, clients
// per document and connections per user. A bad or oversized message closes that connection with a
// named code and never reaches the stored document.
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../../server/collab/index.ts'
import { loadPersistedCycleDocument } from '../../../server/services/collab/load-persisted-cycle-document.ts'
import { createWorld, insertCycle } from '../../factories/index.ts'
import {
  connectDoc,
  cookieFor,
  handshakeStatus,
  type StartedCollabServer,
  startCollabServer,
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
  server = await startCollabServer(database.db, {
    limits: {
      maxMessageBytes: 64 * 1024,
      maxDocumentBytes: 16 * 1024,
      messagesPerSecond: 20,
      messageBurst: 20,
      maxAwarenessStateBytes: 512,
      pingIntervalMs: 150,
      clientsPerDocument: 3,
      connectionsPerUser: 6,
    },
  })
  cookie = await cookieFor(database.db, world.users.member.id)
})

afterAll(async () => {
  await server?.close()
  await database?.close()
})

const newCycle = () =>
  insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
  })

/** A raw WebSocket client: send arbitrary frames, observe the close code. */
async function rawClient(cycleId: string, options: { autoPong?: boolean; userCookie?: string } = {}) {
  const ws = new WebSocket(`${server.wsUrl}/${cycleId}`, {
    headers: { cookie: options.userCookie ?? cookie },
    origin: server.origin,
    autoPong: options.autoPong ?? true,
  })
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  ws.on('error', () => undefined)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  return { ws, closed }
}

const syncUpdateFrame = (update: Uint8Array) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** An update that inserts `size` characters into a section of a fresh document. */
function bigUpdate(size: number, section = 'objective') {
  const doc = new Y.Doc()
  const p = new Y.XmlElement('paragraph')
  doc.getXmlFragment(section).insert(0, [p])
  p.insert(0, [new Y.XmlText('x'.repeat(size))])
  return Y.encodeStateAsUpdate(doc)
}

describe('limits', () => {
  it('closes a connection that sends a malformed message (4400) and keeps the document intact', async () => {
    const cycle = await newCycle()
    const good = connectDoc(server, cycle.id, cookie)
    try {
      await waitFor(() => good.provider.synced)
      good.type('kept')
      await waitFor(() => server.collab.room(cycle.id)?.doc.getXmlFragment('objective').length === 1)
      for (const frame of [
        new Uint8Array([0, 2, 5, 200, 201, 202, 203, 204]), // an "update" that is not one
        new Uint8Array([0, 9]), // no such sync message
        new Uint8Array([1, 3, 1, 2]), // a truncated awareness update
      ]) {
        const bad = await rawClient(cycle.id)
        bad.ws.send(frame)
        expect(await bad.closed).toBe(CloseCode.badMessage)
      }
      good.type(' and more')
      await waitFor(() => good.provider.synced)
      await server.collab.flush()
      const reader = connectDoc(server, cycle.id, cookie)
      await waitFor(() => reader.text() === 'kept and more')
      reader.destroy()
    } finally {
      good.destroy()
    }
  })

  it('closes with 1009 on a frame above maxMessageBytes, and with 4413 when the document would grow too large', async () => {
    const cycle = await newCycle()
    const huge = await rawClient(cycle.id)
    huge.ws.send(syncUpdateFrame(bigUpdate(70 * 1024)))
    expect(await huge.closed).toBe(CloseCode.messageTooBig)
    const large = await rawClient(cycle.id)
    large.ws.send(syncUpdateFrame(bigUpdate(20 * 1024)))
    expect(await large.closed).toBe(CloseCode.documentTooLarge)
    await server.collab.flush()
    expect(await database.db.yUpdate.count({ where: { cycleId: cycle.id } })).toBe(0)
  })

  it('slows a flooding connection down (socket paused) instead of closing it', async () => {
    const cycle = await newCycle()
    const flood = await rawClient(cycle.id)
    let replies = 0
    flood.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) replies++ // sync step 2: the answer to each step 1
    })
    const throttled = server.collab.stats().throttled
    const step1 = new Uint8Array([0, 0, 1, 0])
    for (let i = 0; i < 60; i++) flood.ws.send(step1) // three times the burst
    await waitFor(() => replies === 60, { timeout: 15_000 })
    expect(flood.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.collab.stats().throttled).toBeGreaterThan(throttled)
    flood.ws.close()
  })

  it('drops awareness states above the size limit', async () => {
    const cycle = await newCycle()
    const a = connectDoc(server, cycle.id, cookie)
    const b = connectDoc(server, cycle.id, cookie)
    try {
      await waitFor(() => a.provider.synced && b.provider.synced)
      const dropped = server.collab.stats().awarenessDropped
      a.provider.awareness.setLocalStateField('junk', 'x'.repeat(2_000))
      await waitFor(() => server.collab.stats().awarenessDropped > dropped)
      expect(b.provider.awareness.getStates().get(a.doc.clientID)?.junk).toBeUndefined()
    } finally {
      a.destroy()
      b.destroy()
    }
  })

  it('terminates connections that stop answering pings', async () => {
    const cycle = await newCycle()
    const before = server.collab.stats().deadConnections
    const silent = await rawClient(cycle.id, { autoPong: false })
    expect(await silent.closed).toBe(1006)
    expect(server.collab.stats().deadConnections).toBeGreaterThan(before)
  })

  it('refuses more clients per document (503) and more connections per user (429) than allowed', async () => {
    const cycle = await newCycle()
    const clients = await Promise.all([1, 2, 3].map(() => rawClient(cycle.id)))
    expect(await handshakeStatus(`${server.wsUrl}/${cycle.id}`, { cookie, origin: server.origin })).toBe(503)
    const other = await newCycle()
    const more = await Promise.all([1, 2, 3].map(() => rawClient(other.id)))
    expect(await handshakeStatus(`${server.wsUrl}/${other.id}`, { cookie, origin: server.origin })).toBe(429)
    for (const c of [...clients, ...more]) c.ws.close()
  })

  it('lets a stock y-websocket client burst 300 edits over the rate: all arrive, nobody is cut off', async () => {
    const slow = await startCollabServer(database.db, {
      limits: { messagesPerSecond: 100, messageBurst: 20 },
    })
    const cycle = await newCycle()
    const writer = connectDoc(slow, cycle.id, cookie)
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code)
    })
    try {
      await waitFor(() => writer.provider.synced)
      for (let i = 0; i < 300; i++) writer.type(String(i % 10)) // 300 transactions, 300 messages
      const expected = writer.text()
      expect(expected).toHaveLength(300)
      const reader = connectDoc(slow, cycle.id, cookie)
      try {
        await waitFor(() => reader.text() === expected, { timeout: 20_000 })
      } finally {
        reader.destroy()
      }
      expect(closes).toEqual([])
      expect(slow.collab.stats().throttled).toBeGreaterThan(0)
      await slow.collab.flush()
      const stored = await loadPersistedCycleDocument(database.db, cycle.id)
      expect(stored.texts.objective).toBe(expected)
    } finally {
      writer.destroy()
      await slow.close()
    }
  })

  it('closes with 1013 (retried by every client) a connection that queued more than maxQueuedBytes', async () => {
    const tight = await startCollabServer(database.db, {
      limits: { messagesPerSecond: 5, messageBurst: 1, maxQueuedBytes: 2_048 },
    })
    const cycle = await newCycle()
    const ws = new WebSocket(`${tight.wsUrl}/${cycle.id}`, { headers: { cookie }, origin: tight.origin })
    ws.on('error', () => undefined)
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    try {
      await new Promise((resolve) => ws.once('open', resolve))
      // One write of 64 KiB of step-1 messages: all read before the pause can take effect.
      const step1 = new Uint8Array([0, 0, 1, 0])
      const frames = Array.from({ length: 2_000 }, () => step1)
      for (const frame of frames) ws.send(frame)
      expect(await closed).toBe(CloseCode.tryAgainLater)
      expect(tight.collab.stats().rateLimited).toBeGreaterThan(0)
    } finally {
      ws.terminate()
      await tight.close()
    }
  })
})
