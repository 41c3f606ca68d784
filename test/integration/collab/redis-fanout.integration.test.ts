// Scale-out: two server instances on one database share a document through Redis pub/sub: edits and
// cursors cross instances, and the state-vector exchange repairs what pub/sub lost while an
// instance's Redis connections were down (a Redis restart, as seen from the instance).
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSignInLimiter } from '../../../server/auth/rate-limit.ts'
import { decodeFrame } from '../../../server/collab/redis-fanout.ts'
import { createWorld, insertCycle } from '../../factories/index.ts'
import { callerFor } from '../../utils/caller.ts'
import {
  type ConnectedDoc,
  connectDoc,
  cookieFor,
  type StartedCollabServer,
  startCollabServer,
  waitFor,
} from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

let database: TestDatabase
let world: Awaited<ReturnType<typeof createWorld>>
let cookie: string
let admin: Redis
const servers: StartedCollabServer[] = []
const clients: ConnectedDoc[] = []

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db)
  cookie = await cookieFor(database.db, world.users.member.id)
  admin = new Redis(REDIS_URL)
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const s of servers) await s.close()
  admin?.disconnect()
  await database?.close()
})

/** Two instances sharing a channel prefix of their own. */
async function twoInstances(prefix = `test:collab:${randomUUID().slice(0, 8)}:`) {
  const start = (name: string) =>
    startCollabServer(database.db, {
      instanceId: `${name}-${randomUUID().slice(0, 6)}`,
      redisUrl: REDIS_URL,
      redisPrefix: prefix,
      antiEntropyIntervalMs: 300,
    })
  const pair = [await start('one'), await start('two')] as const
  servers.push(...pair)
  return pair
}

function connect(server: StartedCollabServer, cycleId: string) {
  const c = connectDoc(server, cycleId, cookie)
  clients.push(c)
  return c
}

/** Drops this instance's Redis connections, as a Redis restart would (only ours, by name). */
async function killRedisConnections(instanceId: string) {
  const list = String(await admin.client('LIST'))
  const ids = list
    .split('\n')
    .filter((line) => line.includes(`name=collab-${instanceId} `))
    .map((line) => /id=(\d+)/.exec(line)?.[1])
    .filter((id): id is string => !!id)
  expect(ids.length).toBe(2)
  for (const id of ids) await admin.client('KILL', 'ID', id)
}

const newCycle = () =>
  insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolA.id,
    teamId: world.teamA.id,
  })

describe('Redis fan-out', () => {
  it('shares edits and cursors between clients on different instances', async () => {
    const [one, two] = await twoInstances()
    const cycle = await newCycle()
    const a = connect(one, cycle.id)
    const b = connect(two, cycle.id)
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.type('from one ')
    await waitFor(() => b.text() === 'from one ')
    b.type('from two')
    await waitFor(() => a.text() === 'from one from two')
    a.provider.awareness.setLocalStateField('user', { name: 'A', color: '#aa0000' })
    b.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 3 })
    await waitFor(
      () =>
        b.provider.awareness.getStates().get(a.doc.clientID)?.user?.color === '#aa0000' &&
        a.provider.awareness.getStates().get(b.doc.clientID)?.cursor?.anchor === 3,
    )
    // A client that joins later on the second instance gets everything too.
    const c = connect(two, cycle.id)
    await waitFor(() => c.text() === 'from one from two')
  })

  it('shows a section the API wrote through one instance to an editor on the other', async () => {
    const [one, two] = await twoInstances()
    const cycle = await newCycle()
    const b = connect(two, cycle.id)
    await waitFor(() => b.provider.synced)
    b.type('Typed on two.')
    await waitFor(() => two.collab.room(cycle.id)?.doc.getXmlFragment('objective').length === 1)
    await two.collab.flush()
    // The API ran in instance one's process, which does not hold the document.
    await callerFor(database.db, world.actors.member, {
      app: {
        now: () => new Date(),
        onCycleDocumentWritten: (cycleId, update) => one.collab.applyStoredUpdate(cycleId, update),
      },
    }).cycle.updateNarrative({ id: cycle.id, section: 'objective', text: 'Written through the API.' })
    await waitFor(() => b.text() === 'Written through the API.')
  })

  it('converges again after its Redis connections dropped, repairing lost messages', async () => {
    const [one, two] = await twoInstances()
    const cycle = await newCycle()
    const a = connect(one, cycle.id)
    const b = connect(two, cycle.id)
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.type('before ')
    await waitFor(() => b.text() === 'before ')
    await killRedisConnections(two.collab.instanceId)
    // Published while instance two cannot hear: lost by pub/sub, repaired by the state-vector exchange.
    a.type('during ', 'objective')
    b.type('meanwhile', 'hypothesis')
    await waitFor(() => b.text() === 'before during ' && a.text('hypothesis') === 'meanwhile', {
      timeout: 15_000,
    })
    a.provider.awareness.setLocalStateField('user', { name: 'A', color: '#00aa00' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.color === '#00aa00')
    expect(one.collab.stats().redisReceived + two.collab.stats().redisReceived).toBeGreaterThan(0)
  })

  it('stores each edit once, on the instance the client sent it to, with its author', async () => {
    const [one, two] = await twoInstances()
    const cycle = await newCycle()
    const a = connect(one, cycle.id)
    const b = connect(two, cycle.id)
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.type('typed on one ')
    await waitFor(() => b.text() === 'typed on one ')
    b.type('typed on two')
    await waitFor(() => a.text() === 'typed on one typed on two')
    await one.collab.flush()
    await two.collab.flush()
    const rows = await database.db.yUpdate.findMany({
      where: { cycleId: cycle.id },
      select: { instanceId: true, userId: true, byteSize: true },
    })
    // One row per edit (each group-commit batch here holds one), none re-stored by the other instance.
    expect(rows.map((r) => r.instanceId).sort()).toEqual(
      [one.collab.instanceId, two.collab.instanceId].sort(),
    )
    expect(rows.every((r) => r.userId === world.users.member.id)).toBe(true)
    expect(one.collab.stats().persistRows).toBe(1)
    expect(two.collab.stats().persistRows).toBe(1)
  })

  it('keeps deployments with different Redis prefixes apart on one Redis', async () => {
    const base = `test:prefix:${randomUUID().slice(0, 8)}`
    const [one, oneSibling] = await twoInstances(`${base}:a:collab:`)
    const [other] = await twoInstances(`${base}:b:collab:`)
    const framesFromA: string[] = []
    const listener = new Redis(REDIS_URL)
    listener.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
      if (decodeFrame(message).from === one.collab.instanceId) framesFromA.push(channel.toString())
    })
    await listener.psubscribe(`${base}:b:*`)
    try {
      const cycle = await newCycle()
      const a = connect(one, cycle.id)
      const sibling = connect(oneSibling, cycle.id)
      const b = connect(other, cycle.id)
      await waitFor(() => a.provider.synced && sibling.provider.synced && b.provider.synced)
      a.type('only for deployment a')
      await waitFor(() => sibling.text() === 'only for deployment a') // same prefix: shared
      // Anti-entropy runs every 300 ms: several rounds in which it could (wrongly) carry the edit over.
      await new Promise((r) => setTimeout(r, 1_200))
      expect(b.text()).toBe('')
      expect(other.collab.stats().redisReceived).toBe(0)
      expect(framesFromA).toEqual([])
    } finally {
      listener.disconnect()
    }
  })

  it('keeps sign-in throttling apart for different Redis prefixes', async () => {
    const base = `test:prefix:${randomUUID().slice(0, 8)}:`
    const a = createSignInLimiter(admin, { keyPrefix: `${base}a:` })
    const b = createSignInLimiter(admin, { keyPrefix: `${base}b:` })
    for (let i = 0; i < 5; i++) await a.recordFailure('someone@example.test', '203.0.113.9')
    expect(await a.blockedFor('someone@example.test', '203.0.113.9')).toBeGreaterThan(0)
    expect(await b.blockedFor('someone@example.test', '203.0.113.9')).toBe(0)
    const keys = await admin.keys(`${base}*`)
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.every((k) => k.startsWith(`${base}a:`))).toBe(true)
    await admin.del(...keys)
  })

  it('closes connections on every instance when access changes on one', async () => {
    const [one, two] = await twoInstances()
    const cycle = await newCycle()
    const user = await database.db.user.create({
      data: {
        districtId: world.district.id,
        email: `moving-${randomUUID()}@example.test`,
        name: 'Moving Member',
        memberships: {
          create: {
            districtId: world.district.id,
            role: 'team_member',
            schoolId: world.schoolA.id,
            teamId: world.teamA.id,
          },
        },
      },
    })
    const c = connectDoc(two, cycle.id, await cookieFor(database.db, user.id))
    clients.push(c)
    const closed = new Promise<number>((resolve) => c.provider.on('closed', (e) => resolve(e.code)))
    await waitFor(() => c.provider.synced)
    await database.db.membership.deleteMany({ where: { userId: user.id } })
    one.collab.onAccessChanged({ userId: user.id }) // the change happened on instance one
    expect(await closed).toBe(4403)
  })
})
