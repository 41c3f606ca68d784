// `pnpm start` with two workers (server/cluster.ts) on PostgreSQL and Redis: collaboration clients that land
// on different workers still edit one document together (Redis fan-out between the workers' rooms).
// Needs the production build, PostgreSQL (TEST_DATABASE_URL) and Redis (REDIS_URL), like `npm run test:all`.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type OpenDatabase, openDatabase } from '../../server/db/client.ts'
import { createWorld, insertCycle } from '../factories/index.ts'
import { type ConnectedDoc, connectDoc, cookieFor, TEST_SESSION, waitFor } from '../utils/collab.ts'
import { freePort } from '../utils/free-port.ts'

const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

const dbName = `e2e_cluster_${randomBytes(4).toString('hex')}`
let server: ChildProcess
let output = ''
let database: OpenDatabase
let port: number
const clients: ConnectedDoc[] = []

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${dbName}"`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${dbName}`
  port = await freePort()
  server = spawn(process.execPath, ['--import', 'tsx', 'server/cluster.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      REDIS_URL,
      SESSION_SECRET: TEST_SESSION.secret,
      WEB_CONCURRENCY: '2',
      COLLAB_INSTANCE_ID: `e2e-${randomBytes(3).toString('hex')}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (c: Buffer) => {
    output += c.toString()
  })
  server.stderr?.on('data', (c: Buffer) => {
    output += c.toString()
  })
  await waitFor(() => output.includes('2 workers listening') || server.exitCode !== null, {
    // Two workers start in parallel; on a loaded 2-core machine that has taken over a minute.
    timeout: 170_000,
    interval: 200,
  })
  if (server.exitCode !== null) throw new Error(`The server exited:\n${output}`)
  // The primary applied the migrations before forking.
  database = await openDatabase({ kind: 'postgres', url: url.toString() })
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
  await database?.close()
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
})

describe('two workers (WEB_CONCURRENCY=2)', () => {
  it('runs two worker processes behind one port, each with its own collaboration instance', () => {
    expect(output).toContain('2 workers listening')
    expect(output.split('is running at').length - 1).toBe(2)
  })

  it('clients on different workers see each other’s edits', async () => {
    const world = await createWorld(database.db)
    const cycle = await insertCycle(database.db, {
      districtId: world.district.id,
      schoolId: world.schoolA.id,
      teamId: world.teamA.id,
    })
    const cookie = await cookieFor(database.db, world.users.member.id)
    const target = { wsUrl: `ws://127.0.0.1:${port}/collab`, origin: `http://127.0.0.1:${port}` }
    // Each client types its own word; the workers that stored the updates are named in the YUpdate log.
    // node:cluster deals new connections round-robin, so a few clients reach both workers.
    for (let i = 0; i < 4; i++) {
      const c = connectDoc(target, cycle.id, cookie)
      clients.push(c)
      await waitFor(() => c.provider.synced)
      c.type(`w${i} `)
    }
    const expected = 'w0 w1 w2 w3 '
    const sorted = (t: string) => t.split(' ').filter(Boolean).sort().join(' ')
    for (const c of clients) await waitFor(() => sorted(c.text()) === sorted(expected), { timeout: 15_000 })
    const instances = await waitFor(
      async () => {
        const rows = await database.db.yUpdate.findMany({
          where: { cycleId: cycle.id },
          select: { instanceId: true },
          distinct: ['instanceId'],
        })
        return rows.length >= 2 ? rows.map((r) => r.instanceId) : null
      },
      { timeout: 15_000 },
    )
    expect(new Set(instances).size).toBeGreaterThanOrEqual(2)
    // Everyone converged on the same document.
    const texts = new Set(clients.map((c) => c.text()))
    expect(texts.size).toBe(1)
  })
})
