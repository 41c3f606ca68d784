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
      'position below 1',
      { chart: 'i', points: [{ x: 1, y: 1 }], exclude: [0] },
      /exclude\[0\]: position 0 is out of range/,
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

  it('aggregates rows with the same x and drops positions beyond the series, with warnings', async () => {
    const { status, stdout, stderr } = await run(
      JSON.stringify({
        chart: 'p',
        points: [
          { x: 1, y: 2, n: 10 },
          { x: 1, y: 3, n: 20 },
          { x: 2, y: 4, n: null },
          { x: 3, y: 1, n: 10 },
        ],
        exclude: [5],
      }),
    )
    expect(status).toBe(0)
    const result = JSON.parse(stdout)
    expect(result.points.map((p: { value: number | null }) => p.value)).toEqual([5 / 30, null, 0.1])
    expect(stderr).toMatch(/warning: 1 row has a y but no n/)
    expect(stderr).toMatch(/warning: 1 x value has several rows \(2 rows\)/)
    expect(stderr).toMatch(/warning: exclude: position 5 is beyond the 3 points/)
  })

  it('warns on stderr when freeze is ignored because part is given', async () => {
    const { status, stderr } = await run(
      JSON.stringify({ chart: 'run', points: [1, 2, 3, 4].map((x) => ({ x, y: x })), freeze: 2, part: [2] }),
    )
    expect(status).toBe(0)
    expect(stderr).toMatch(/freeze is ignored/)
  })
  it('answers {"verdicts": [...]} in order, with the method in words', async () => {
    const weeks = Array.from({ length: 16 }, (_, i) =>
      new Date(Date.UTC(2025, 8, 1 + 7 * i)).toISOString().slice(0, 10),
    )
    const item = (values: number[]) => ({
      measure: { chart: 'i', higherIsBetter: true, cadence: 'weekly', accumulation: 'period' },
      points: weeks.map((x, i) => ({ x, y: values[i] as number })),
      window: { start: weeks[10], end: weeks[15] },
    })
    const flat = [50, 52, 49, 51, 50, 53, 48, 51, 50, 52, 51, 49, 52, 50, 51, 49]
    const shifted = [...flat.slice(0, 10), 60, 61, 62, 60, 63, 61]
    const { status, stdout, stderr } = await run(JSON.stringify({ verdicts: [item(flat), item(shifted)] }))
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const { verdicts } = JSON.parse(stdout)
    expect(verdicts.map((v: { verdict: string }) => v.verdict)).toEqual(['no_signal', 'improved'])
    expect(verdicts[1].method).toMatchObject({
      kind: 'school_year_baseline',
      limits: 'shewhart',
      phaseStart: null,
    })
    expect(verdicts[1].method.description).toMatch(
      /^compared with this school year's values before the cycle/,
    )
    expect(Object.keys(verdicts[1]).sort()).toEqual(['baseline', 'message', 'method', 'reasons', 'verdict'])
  })

  it('rejects an invalid verdict request with the item and field named', async () => {
    const { status, stderr } = await run(
      JSON.stringify({
        verdicts: [
          {
            measure: { chart: 'p', higherIsBetter: true, accumulation: 'yearly' },
            points: [{ x: '2025-09-01', y: 1, n: 10 }],
            window: { start: '2025-09-01', end: '2025-10-01' },
          },
        ],
      }),
    )
    expect(status).toBe(1)
    expect(stderr).toContain('verdicts.0.measure.accumulation: accumulation must be "period" or "to_date"')
  })
})
