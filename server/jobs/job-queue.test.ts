// The embedded database's in-process job queue: cron schedules in a time zone, one job of a name at a
// time, retries with a doubling delay, and a singleton key that waits only once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { JOB_RETRY, startInProcessJobQueue } from './job-queue.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('startInProcessJobQueue', () => {
  it('runs a recurring job at each cron slot, in the schedule’s time zone', async () => {
    // 06:30 UTC is 22:30 the day before in Los Angeles (PST).
    vi.setSystemTime(new Date('2026-12-07T06:30:00Z'))
    const queue = startInProcessJobQueue()
    const runs: string[] = []
    await queue.registerRecurringJob(
      'digest',
      '0 23 * * *',
      async () => {
        runs.push(new Date().toISOString())
      },
      { timeZone: 'America/Los_Angeles' },
    )
    await vi.advanceTimersByTimeAsync(29 * 60_000)
    expect(runs).toEqual([])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(runs).toEqual(['2026-12-07T07:00:00.000Z'])
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(runs).toEqual(['2026-12-07T07:00:00.000Z', '2026-12-08T07:00:00.000Z'])
    await queue.stop()
    await vi.advanceTimersByTimeAsync(48 * 3_600_000)
    expect(runs).toHaveLength(2)
  })

  it('runs jobs of one name one at a time; a waiting singleton key is queued once', async () => {
    const queue = startInProcessJobQueue()
    let running = 0
    let most = 0
    let done = 0
    await queue.work('email', async () => {
      running++
      most = Math.max(most, running)
      await new Promise((r) => setTimeout(r, 100))
      running--
      done++
    })
    const ids = await Promise.all([
      queue.send('email', {}, { singletonKey: 'round' }),
      queue.send('email', {}, { singletonKey: 'round' }),
      queue.send('email', {}),
    ])
    expect(ids[1]).toBeNull()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(done).toBe(2)
    expect(most).toBe(1)
    // Once the keyed job has started, the key may wait again.
    expect(await queue.send('email', {}, { singletonKey: 'round' })).not.toBeNull()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(done).toBe(3)
    await queue.stop()
  })

  it('retries a failing job with a doubling delay, at most retryLimit times, reporting each error', async () => {
    const errors: string[] = []
    const queue = startInProcessJobQueue({ retryDelayMs: 1_000, onError: (e) => errors.push(e.message) })
    const attempts: number[] = []
    await queue.work('scan', async () => {
      attempts.push(Date.now())
      throw new Error('database unreachable')
    })
    const start = Date.now()
    await queue.send('scan', {})
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempts.map((t) => t - start)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000])
    expect(attempts).toHaveLength(1 + JOB_RETRY.retryLimit)
    expect(errors).toHaveLength(1 + JOB_RETRY.retryLimit)
    await queue.stop()
  })
})
