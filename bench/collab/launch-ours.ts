// This project's collaboration server, two ways:
//   BENCH_MODE=relay    no storage, no authentication (what the other two servers do)
//   BENCH_MODE=durable  the product configuration: session + team check at upgrade, update log in the
//                       database with group commit and "persisted" acks, text mirror, compaction
// Limits that police one person (messages per second, connections per user) are raised: the load
// generator is one user sending for many.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSession } from '../../server/auth/session.ts'
import { createCycleCollabServer } from '../../server/collab/index.ts'
import { type CollabServer, createCollabServer } from '../../server/collab/server.ts'
import { openDatabase } from '../../server/db/client.ts'
import { migrateDatabase } from '../../server/db/migrate.ts'
import { createWorld, insertCycle } from '../../test/factories/index.ts'
import { announce, answerStats } from './ipc.ts'

const mode = process.env.BENCH_MODE === 'durable' ? 'durable' : 'relay'
const limits = {
  messagesPerSecond: 1_000_000,
  messageBurst: 1_000_000,
  bytesPerSecond: 1024 ** 3,
  byteBurst: 1024 ** 3,
  awarenessPerSecond: 1_000,
  connectionsPerUser: 100_000,
  clientsPerDocument: 100_000,
}
const session = { ttlHours: 12, secret: 'b'.repeat(40), secureCookies: false }
let collab: CollabServer
let documents: string[] = []
let cookie: string | undefined

if (mode === 'relay') {
  collab = await createCollabServer({
    storage: null,
    limits,
    unloadGraceMs: 600_000,
    documentNamePattern: /^[\w-]{1,64}$/,
  })
} else {
  const database = await openDatabase(
    process.env.BENCH_DATABASE_URL
      ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
      : { kind: 'pglite', dataDir: null },
  )
  await migrateDatabase(database)
  const world = await createWorld(database.db, 'Bench')
  const scope = { districtId: world.district.id, schoolId: world.schoolA.id, teamId: world.teamA.id }
  documents = []
  for (let i = 0; i < Number(process.env.BENCH_DOCUMENTS ?? 250); i++)
    documents.push((await insertCycle(database.db, scope)).id)
  const { token } = await createSession(database.db, session, world.users.member.id, {
    userAgent: 'bench',
    ip: '127.0.0.1',
  })
  cookie = `pdsa_session=${token}`
  collab = await createCycleCollabServer({
    db: database.db,
    session,
    allowedOrigins: [],
    limits,
    unloadGraceMs: 600_000,
  })
}

const http = createServer((_req, res) => res.writeHead(404).end())
http.on('upgrade', collab.handleUpgrade)
answerStats(() => {
  const s = collab.stats()
  return { rooms: s.rooms, connections: s.connections }
})
http.listen(0, '127.0.0.1', () => {
  const port = (http.address() as AddressInfo).port
  announce({
    type: 'ready',
    port,
    documents,
    ...(cookie ? { cookie, origin: `http://127.0.0.1:${port}` } : {}),
  })
})
process.on('SIGTERM', () => {
  void collab.close().then(() => process.exit(0))
})
