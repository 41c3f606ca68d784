import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSignInLimiter, SIGN_IN_POLICY } from './rate-limit.ts'

const NAT = '198.51.100.20'

async function fail(
  limiter: ReturnType<typeof createSignInLimiter>,
  email: string,
  ip: string,
  times: number,
) {
  for (let i = 0; i < times; i++) await limiter.recordFailure(email, ip)
}

describe('sign-in throttling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('pauses one account from one address after 5 failures, for a minute; not other accounts there', async () => {
    const limiter = createSignInLimiter()
    await fail(limiter, 'a@x.test', NAT, 4)
    expect(await limiter.blockedFor('a@x.test', NAT)).toBe(0)
    await fail(limiter, 'a@x.test', NAT, 1)
    const wait = await limiter.blockedFor('a@x.test', NAT)
    expect(wait).toBeGreaterThan(50)
    expect(wait).toBeLessThanOrEqual(60)
    expect(await limiter.blockedFor('b@x.test', NAT)).toBe(0)
    expect(await limiter.blockedFor('a@x.test', '203.0.113.9')).toBe(0)
  })

  it('a school behind one address: hundreds of failures over many accounts lock nobody else out', async () => {
    const limiter = createSignInLimiter()
    for (let i = 0; i < 150; i++) await fail(limiter, `student${i}@x.test`, NAT, 2)
    expect(await limiter.blockedFor('teacher@x.test', NAT)).toBe(0)
    expect(await limiter.blockedFor('student7@x.test', NAT)).toBe(0)
  })

  it('the pause doubles with every repeat (1, 2, 4 … minutes) up to an hour', async () => {
    const limiter = createSignInLimiter()
    const pauses: number[] = []
    for (let round = 0; round < 8; round++) {
      await fail(limiter, 'a@x.test', NAT, SIGN_IN_POLICY.accountIpFailures)
      const wait = await limiter.blockedFor('a@x.test', NAT)
      pauses.push(Math.round(wait / 60))
      vi.advanceTimersByTime((wait + 1) * 1000)
      expect(await limiter.blockedFor('a@x.test', NAT)).toBe(0)
    }
    expect(pauses).toEqual([1, 2, 4, 8, 16, 32, 60, 60])
  })

  it('a successful sign-in forgets the failures and the back-off of that account and address', async () => {
    const limiter = createSignInLimiter()
    await fail(limiter, 'a@x.test', NAT, 5)
    vi.advanceTimersByTime(61_000)
    await limiter.recordSuccess('a@x.test', NAT)
    await fail(limiter, 'a@x.test', NAT, 5)
    const wait = await limiter.blockedFor('a@x.test', NAT)
    expect(wait).toBeLessThanOrEqual(60)
  })

  it('guessing one account’s password from many addresses pauses that account everywhere', async () => {
    const limiter = createSignInLimiter()
    for (let i = 0; i < SIGN_IN_POLICY.accountFailures; i++)
      await fail(limiter, 'a@x.test', `203.0.113.${i}`, 1)
    expect(await limiter.blockedFor('a@x.test', '192.0.2.1')).toBeGreaterThan(0)
    expect(await limiter.blockedFor('b@x.test', '192.0.2.1')).toBe(0)
  })

  it('one address failing on very many accounts (credential stuffing) reaches the address ceiling', async () => {
    const limiter = createSignInLimiter(undefined, { policy: { ipFailures: 20 } })
    for (let i = 0; i < 20; i++) await fail(limiter, `user${i}@x.test`, NAT, 1)
    expect(await limiter.blockedFor('someone@x.test', NAT)).toBeGreaterThan(0)
    expect(await limiter.blockedFor('someone@x.test', '192.0.2.1')).toBe(0)
  })
})
