// SIGTERM with a connection open that never sent a request (a browser's preconnect, a load
// balancer's TCP probe) and an idle keep-alive connection: the real server (server/index.ts) must
// close them, close Redis and the database, and exit 0 within 3 s (server/connections.ts).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase | undefined
let dataDir: string | undefined
let child: ChildProcess
let output = ''
let port = 0

beforeAll(async () => {
  database = await createTestDatabase()
  if (!database.url) {
    await database.close()
    database = undefined
    dataDir = mkdtempSync(join(tmpdir(), 'pdsa-shutdown-'))
  }
  child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      // Not production (that needs `pnpm build`): pages through Vite, which is never asked for one here.
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database?.url ?? '',
      DATA_DIR: dataDir ?? '',
      NO_DEMO_SEED: 'true',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 270_000)
    const check = () => {
      const found = output.match(/running at http:\/\/localhost:(\d+)/)
      if (found) {
        clearTimeout(timer)
        resolve(Number(found[1]))
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Server exited with ${code}:\n${output}`))
    })
  })
}, 300_000)

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL')
  await database?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

it('exits 0 within 3 s of SIGTERM with an idle socket and an idle keep-alive connection open', async () => {
  // A TCP connection that never sends a request.
  const idle: Socket = connect(port, '127.0.0.1')
  await new Promise<void>((resolve) => idle.once('connect', () => resolve()))
  idle.on('error', () => {})
  // A keep-alive connection that has been answered and now waits.
  const keepAlive = await new Promise<Socket>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: '/healthz', headers: { connection: 'keep-alive' } })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(req.socket as Socket))
    })
    req.on('error', reject)
    req.end()
  })
  keepAlive.on('error', () => {})

  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
    const started = performance.now()
    child.once('exit', (code) => resolve({ code, ms: performance.now() - started }))
  })
  child.kill('SIGTERM')
  const { code, ms } = await exited
  expect(code, output.slice(-3000)).toBe(0)
  expect(ms).toBeLessThan(3_000)
  // The last step runs after Redis and the database are closed.
  expect(output).toContain('Shut down cleanly.')
  idle.destroy()
  keepAlive.destroy()
})
