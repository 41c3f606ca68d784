// Sign-in throttling with rate-limiter-flexible: in memory on one instance, shared through Redis
// when REDIS_URL is set (several instances must count the same attempts). The policy is per account
// and address with a growing back-off, not a wall per address: a school's shared NAT address must not
// lock every account out (docs/decisions/019-http-hardening.md).
import type { Redis } from 'ioredis'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible'

export interface SignInLimiter {
  /** Throws nothing; returns the seconds to wait when the caller is blocked, else 0. */
  blockedFor(email: string, ip: string): Promise<number>
  recordFailure(email: string, ip: string): Promise<void>
  recordSuccess(email: string, ip: string): Promise<void>
}

/** The numbers of the policy (tests use smaller windows, never other rules). */
export const SIGN_IN_POLICY = {
  /** Failures of one account from one address before the first pause… */
  accountIpFailures: 5,
  accountIpWindowSeconds: 15 * 60,
  /** …which lasts this long and doubles with every further pause (strikes are kept a day)… */
  firstPauseSeconds: 60,
  /** …up to this. */
  longestPauseSeconds: 60 * 60,
  strikeMemorySeconds: 24 * 60 * 60,
  /** Failures of one account from all addresses (a distributed guess at one password). */
  accountFailures: 50,
  accountWindowSeconds: 60 * 60,
  /** Failures from one address over all accounts: a ceiling a school never reaches, stuffing does. */
  ipFailures: 1_000,
  ipWindowSeconds: 60 * 60,
} as const

export type SignInPolicy = { [K in keyof typeof SIGN_IN_POLICY]: number }

export function createSignInLimiter(
  redis?: Redis,
  options: { keyPrefix?: string; policy?: Partial<SignInPolicy> } = {},
): SignInLimiter {
  const policy: SignInPolicy = { ...SIGN_IN_POLICY, ...options.policy }
  // keyPrefix (REDIS_PREFIX) starts every Redis key: deployments sharing one Redis keep counters apart.
  const prefix = `${options.keyPrefix ?? ''}signin`
  const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${prefix}_${name}`
    return redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration })
      : new RateLimiterMemory({ keyPrefix, points, duration })
  }
  const accountIp = make('account_ip', policy.accountIpFailures, policy.accountIpWindowSeconds)
  const strikes = make('account_ip_strikes', 1_000_000, policy.strikeMemorySeconds)
  const account = make('account', policy.accountFailures, policy.accountWindowSeconds)
  const ip = make('ip', policy.ipFailures, policy.ipWindowSeconds)
  const pair = (email: string, address: string) => `${email.toLowerCase()}_${address}`
  const wait = (r: RateLimiterRes | null, limit: number) =>
    r && r.consumedPoints >= limit ? Math.max(1, Math.ceil(r.msBeforeNext / 1000)) : 0

  return {
    async blockedFor(email, address) {
      const [a, b, c] = await Promise.all([
        accountIp.get(pair(email, address)),
        account.get(email.toLowerCase()),
        ip.get(address),
      ])
      return Math.max(
        wait(a, policy.accountIpFailures),
        wait(b, policy.accountFailures),
        wait(c, policy.ipFailures),
      )
    },
    async recordFailure(email, address) {
      const key = pair(email, address)
      const [failures] = await Promise.all([
        accountIp.penalty(key, 1),
        account.penalty(email.toLowerCase(), 1),
        ip.penalty(address, 1),
      ])
      if (failures.consumedPoints >= policy.accountIpFailures) {
        // A pause that doubles with each one: 1, 2, 4 … minutes, at most an hour.
        const strike = await strikes.penalty(key, 1)
        const pause = Math.min(
          policy.longestPauseSeconds,
          policy.firstPauseSeconds * 2 ** Math.min(20, strike.consumedPoints - 1),
        )
        await accountIp.block(key, pause)
      }
    },
    async recordSuccess(email, address) {
      const key = pair(email, address)
      await Promise.all([accountIp.delete(key), strikes.delete(key)])
    },
  }
}

/** A budget of requests per key (e.g. password-reset emails per address and per client address). */
export interface RequestLimiter {
  /** Spends one point of every key; false (nothing spent beyond the limit) when any key is out. */
  tryConsume(keys: readonly string[]): Promise<boolean>
}

/** "Forgot password?": 3 emails per address and 30 requests per client address an hour. */
export const PASSWORD_RESET_POLICY = { perKey: { 'email:': 3, 'ip:': 30 }, windowSeconds: 60 * 60 } as const

export function createPasswordResetLimiter(
  redis?: Redis,
  options: { keyPrefix?: string; policy?: { emailPoints?: number; ipPoints?: number } } = {},
): RequestLimiter {
  const prefix = `${options.keyPrefix ?? ''}reset`
  const make = (name: string, points: number): RateLimiterAbstract => {
    const keyPrefix = `${prefix}_${name}`
    const duration = PASSWORD_RESET_POLICY.windowSeconds
    return redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration })
      : new RateLimiterMemory({ keyPrefix, points, duration })
  }
  const byEmail = make('email', options.policy?.emailPoints ?? PASSWORD_RESET_POLICY.perKey['email:'])
  const byIp = make('ip', options.policy?.ipPoints ?? PASSWORD_RESET_POLICY.perKey['ip:'])
  return {
    async tryConsume(keys) {
      const results = await Promise.all(
        keys.map((key) => {
          const limiter = key.startsWith('email:') ? byEmail : byIp
          return limiter.consume(key.toLowerCase()).then(
            () => true,
            () => false,
          )
        }),
      )
      return results.every(Boolean)
    },
  }
}
