// The server as a real process: killed with SIGKILL it loses no acknowledged edit, and clients re-send
// what it had not stored yet when they reconnect; stopped with SIGTERM it stores everything first.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Db } from '../../../server/db/client.ts'
import { openDatabase } from '../../../server/db/client.ts'
import { createWorld, insertCycle } from '../../factories/index.ts'
import { connectCycleDocument, connectDoc, cookieFor, typeInto, waitFor } from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

const ENTRY = resolve(import.meta.dirname, 'fixtures/collab-server-entry.ts')

/** PostgreSQL: the per-file test database. PGlite: a data directory, opened by one process at a time. */
let pg: TestDatabase | null = null
let dataDir: string | null = null
let target = ''
let world: Awaited<ReturnType<typeof createWorld>>
let cookie: string

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (pg) return fn(pg.db)
  const database = await openDatabase({ kind: 'pglite', dataDir })
  try {
    return await fn(database.db)
  } finally {
    await database.close()
  }
}

beforeAll(async () => {
  const config = inject('testDatabase')
  if (config.kind === 'postgres') {
    pg = await createTestDatabase()
    target = pg.url as string
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'collab-durability-'))
    const database = await openDatabase(
      { kind: 'pglite', dataDir },
      { loadDataDir: new Blob([readFileSync(config.imagePath)]) },
    )
    await database.close()
    target = `pglite:${dataDir}`
  }
  await withDb(async (db) => {
    world = await createWorld(db)
    cookie = await cookieFor(db, world.users.member.id)
  })
})

afterAll(async () => {
  await pg?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

interface ServerProcess {
  child: ChildProcess
  port: number
  wsUrl: string
  origin: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

async function spawnServer(
  options: { port?: number; commitDelayMs?: number; mirrorDelayMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: {
      ...process.env,
      COLLAB_TEST_DB: target,
      COLLAB_TEST_PORT: String(options.port ?? 0),
      COLLAB_COMMIT_DELAY: String(options.commitDelayMs ?? 10),
      COLLAB_MIRROR_DELAY: String(options.mirrorDelayMs ?? 50),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  )
  let stderr = ''
  child.stderr?.on('data', (d) => {
    stderr += String(d)
  })
  const port = await new Promise<number>((ready, fail) => {
    let out = ''
    child.stdout?.on('data', (d) => {
      out += String(d)
      const m = /READY (\d+)/.exec(out)
      if (m) ready(Number(m[1]))
    })
    void exited.then(() => fail(new Error(`collaboration server exited early:\n${stderr}`)))
  })
  return { child, port, wsUrl: `ws://127.0.0.1:${port}/collab`, origin: `http://127.0.0.1:${port}`, exited }
}

const newCycle = () =>
  withDb((db) =>
    insertCycle(db, { districtId: world.district.id, schoolId: world.schoolA.id, teamId: world.teamA.id }),
  )

async function readBack(server: ServerProcess, cycleId: string, section = 'objective') {
  const reader = connectDoc(server, cycleId, cookie)
  try {
    await waitFor(() => reader.provider.synced)
    return reader.text(section)
  } finally {
    reader.destroy()
  }
}

describe('SIGKILL', () => {
  it('loses no edit the server acknowledged as stored', async () => {
    const cycle = await newCycle()
    const first = await spawnServer()
    const writer = connectCycleDocument(first, cycle.id, cookie)
    await waitFor(() => writer.getStatus().synced)
    for (const word of ['Saved ', 'before ', 'the ', 'crash']) typeInto(writer.doc, word)
    await waitFor(() => !writer.getStatus().unsaved)
    // The writer goes away too: only the database can bring the text back.
    writer.destroy()
    first.child.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')
    const second = await spawnServer()
    try {
      expect(await readBack(second, cycle.id)).toBe('Saved before the crash')
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  }, 60_000)

  it('writes an acknowledged edit into the text columns after a crash within the mirror delay', async () => {
    const cycle = await newCycle()
    // The mirror would write the columns only after ten minutes: the kill always lands inside it.
    const first = await spawnServer({ mirrorDelayMs: 600_000 })
    const writer = connectCycleDocument(first, cycle.id, cookie)
    await waitFor(() => writer.getStatus().synced)
    typeInto(writer.doc, 'Acknowledged, never mirrored')
    await waitFor(() => !writer.getStatus().unsaved)
    writer.destroy()
    first.child.kill('SIGKILL')
    await first.exited
    const objectiveText = () =>
      withDb(async (db) => (await db.pdsaCycle.findUniqueOrThrow({ where: { id: cycle.id } })).objectiveText)
    expect(await objectiveText()).toBe('') // stored in the document, not in the column
    const second = await spawnServer()
    try {
      // Opening the document again (no further edit) brings the column up to date.
      expect(await readBack(second, cycle.id)).toBe('Acknowledged, never mirrored')
      if (!pg) {
        // PGlite: one process at a time; stop the server before reading the column.
        second.child.kill('SIGTERM')
        await second.exited
      }
      await waitFor(async () => (await objectiveText()) === 'Acknowledged, never mirrored', {
        timeout: 10_000,
      })
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  }, 60_000)

  it('gets edits it had not stored back from the clients when they reconnect', async () => {
    const cycle = await newCycle()
    // A commit window far longer than the test: everything received stays unstored in memory.
    const first = await spawnServer({ commitDelayMs: 600_000 })
    const writer = connectCycleDocument(first, cycle.id, cookie)
    const peer = connectDoc(first, cycle.id, cookie)
    await waitFor(() => writer.getStatus().synced && peer.provider.synced)
    typeInto(writer.doc, 'Typed while the database was slow')
    await waitFor(() => peer.text() === 'Typed while the database was slow') // the server had it…
    expect(writer.getStatus().unsaved).toBe(true) // …but never said it was stored
    peer.destroy()
    first.child.kill('SIGKILL')
    await first.exited
    expect(await withDb((db) => db.yUpdate.count({ where: { cycleId: cycle.id } }))).toBe(0)
    // The same address comes back; the client reconnects by itself and re-sends what is missing.
    const second = await spawnServer({ port: first.port })
    try {
      await waitFor(() => writer.getStatus().connection === 'connected' && !writer.getStatus().unsaved, {
        timeout: 20_000,
      })
      writer.destroy()
      expect(await readBack(second, cycle.id)).toBe('Typed while the database was slow')
    } finally {
      writer.destroy()
      second.child.kill('SIGTERM')
      await second.exited
    }
  }, 60_000)
})

describe('SIGTERM', () => {
  it('stores everything pending, mirrors the plain text, closes sockets with 1012 and exits 0', async () => {
    const cycle = await newCycle()
    const server = await spawnServer({ commitDelayMs: 600_000 })
    const writer = connectDoc(server, cycle.id, cookie)
    const peer = connectDoc(server, cycle.id, cookie)
    const closeCodes: number[] = []
    writer.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code)
    })
    try {
      await waitFor(() => writer.provider.synced && peer.provider.synced)
      writer.type('Flushed on shutdown')
      await waitFor(() => peer.text() === 'Flushed on shutdown')
      writer.provider.shouldConnect = false // do not reconnect to nothing
      server.child.kill('SIGTERM')
      expect(await server.exited).toEqual({ code: 0, signal: null })
      expect(closeCodes).toContain(1012)
    } finally {
      writer.destroy()
      peer.destroy()
    }
    const stored = await withDb(async (db) => ({
      rows: await db.yUpdate.count({ where: { cycleId: cycle.id } }),
      text: (await db.pdsaCycle.findUniqueOrThrow({ where: { id: cycle.id } })).objectiveText,
    }))
    expect(stored.rows).toBeGreaterThan(0)
    expect(stored.text).toBe('Flushed on shutdown')
  }, 60_000)
})
