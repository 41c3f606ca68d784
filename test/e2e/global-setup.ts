// Browser tests run against the real production server (built app, `server/index.ts`) on a fresh embedded
// database that seeds the demo district on first start — what a newcomer gets from `npm run demo`.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort } from '../utils/free-port.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const buildDir = process.env.BUILD_DIR || 'build'
  if (!existsSync(join(buildDir, 'server/index.js')))
    throw new Error(`Run \`pnpm build\` before the browser tests (no ${buildDir}/server/index.js).`)
  const dataDir = mkdtempSync(join(tmpdir(), 'pdsa-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start in 240 s:\n${output}`)), 240_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('is running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Server exited with ${code}:\n${output}`))
    })
  })
  // A server that dies mid-run would show only as refused connections in every later test: say why.
  const onCrash = (code: number | null, signal: NodeJS.Signals | null) => {
    console.error(
      `\nThe browser tests' server exited (${signal ?? code}). Its last output:\n${output.slice(-8000)}`,
    )
  }
  child.on('exit', onCrash)
  project.provide('e2eBaseUrl', `http://127.0.0.1:${port}`)
  return async () => {
    child.off('exit', onCrash)
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
