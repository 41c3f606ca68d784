// Spawns the real command with a request on stdin.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const COMMAND = fileURLToPath(new URL('./analyze.ts', import.meta.url))

function run(stdin: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', COMMAND])
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

// Each test starts a Node process with tsx: seconds on a busy 2-core machine, so allow more than the default 5 s.
describe.concurrent('analyze command', { timeout: 60_000 }, () => {
  it('writes one JSON result for a valid request', async () => {
    const { status, stdout, stderr } = await run(
      JSON.stringify({
        chart: 'i',
        points: [
          { x: 1, y: 3 },
          { x: 2, y: 5 },
          { x: 3, y: 4 },
        ],
      }),
    )
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const result = JSON.parse(stdout)
    // cl = 4, amr = 1.5, sigma = 1.5 / 1.128
    expect(result.points[0]).toEqual({
      x: 1,
      value: 3,
      cl: 4,
      lcl: 4 - (3 * 1.5) / 1.128,
      ucl: 4 + (3 * 1.5) / 1.128,
      sigmaSignal: false,
      phase: 1,
    })
    expect(result.phases).toEqual([
      {
        phase: 1,
        nUseful: 2,
        longestRun: 1,
        longestRunMax: 4,
        crossings: 1,
        crossingsMin: 0,
        runsSignal: false,
      },
    ])
  })

  it('sorts by x, keeps dates as given and writes null for missing limits', async () => {
    const { status, stdout } = await run(
      JSON.stringify({
        chart: 'run',
        points: [
          { x: '2024-03-01', y: 3 },
          { x: '2024-01-01', y: 1 },
          { x: '2024-02-01', y: null },
        ],
        multiply: 100,
      }),
    )
    expect(status).toBe(0)
    const result = JSON.parse(stdout)
    expect(result.points.map((p: { x: string }) => p.x)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01'])
    expect(result.points[1]).toEqual({
      x: '2024-02-01',
      value: null,
      cl: 200,
      lcl: null,
      ucl: null,
      sigmaSignal: false,
      phase: 1,
    })
  })

  it.each([
    ['unknown chart type', { chart: 'xbar', points: [{ x: 1, y: 1 }] }, /unknown chart type "xbar"/],
    [
      'p numerator above denominator',
      { chart: 'p', points: [{ x: 1, y: 5, n: 4 }] },
      /numerator 5 is above its denominator 4/,
    ],
    ['negative denominator', { chart: 'u', points: [{ x: 1, y: 1, n: -4 }] }, /must not be negative/],
    ['p without n', { chart: 'p', points: [{ x: 1, y: 1 }] }, /needs a denominator/],
    [
      'position out of range',
      { chart: 'i', points: [{ x: 1, y: 1 }], exclude: [2] },
      /exclude\[0\]: position 2 is out of range/,
    ],
    [
      'duplicate x',
      {
        chart: 'i',
        points: [
          { x: 1, y: 1 },
          { x: 1, y: 2 },
        ],
      },
      /duplicate x 1/,
    ],
    [
      'mixed x',
      {
        chart: 'i',
        points: [
          { x: 1, y: 1 },
          { x: '2024-01-01', y: 2 },
        ],
      },
      /all x values must be numbers/,
    ],
    ['non-finite number', '{"chart":"i","points":[{"x":1,"y":1e999}]}', /points\.0\.y/],
    ['bad date', { chart: 'i', points: [{ x: '2024-02-30', y: 1 }] }, /ISO date/],
    ['t chart with zero', { chart: 't', points: [{ x: 1, y: 0 }] }, /greater than zero/],
  ])('rejects %s', async (_name, request, message) => {
    const { status, stdout, stderr } = await run(
      typeof request === 'string' ? request : JSON.stringify(request),
    )
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
  })

  it('exits 2 when stdin is not JSON', async () => {
    const { status, stderr } = await run('not json')
    expect(status).toBe(2)
    expect(stderr).toMatch(/not valid JSON/)
  })

  it('warns on stderr when freeze is ignored because part is given', async () => {
    const { status, stderr } = await run(
      JSON.stringify({ chart: 'run', points: [1, 2, 3, 4].map((x) => ({ x, y: x })), freeze: 2, part: [2] }),
    )
    expect(status).toBe(0)
    expect(stderr).toMatch(/freeze is ignored/)
  })
})
