// Sign-in throttling with rate-limiter-flexible: in memory on one instance, shared through Redis
// when REDIS_URL is set (several instances must count the same attempts).
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

/**
 * 5 failures per email+IP in 15 minutes; 50 failures per IP in an hour. `keyPrefix` (REDIS_PREFIX)
 * starts every Redis key, so deployments sharing one Redis keep their counters apart.
 */
export function createSignInLimiter(redis?: Redis, options: { keyPrefix?: string } = {}): SignInLimiter {
  const prefix = options.keyPrefix ?? ''
  const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${prefix}${name}`
    return redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, blockDuration: duration })
      : new RateLimiterMemory({ keyPrefix, points, duration, blockDuration: duration })
  }
  const byEmailAndIp = make('signin_email_ip', 5, 15 * 60)
  const byIp = make('signin_ip', 50, 60 * 60)
  const key = (email: string, ip: string) => `${email.toLowerCase()}_${ip}`

  return {
    async blockedFor(email, ip) {
      const [a, b] = await Promise.all([byEmailAndIp.get(key(email, ip)), byIp.get(ip)])
      const wait = (r: RateLimiterRes | null, limit: number) =>
        r && r.consumedPoints >= limit ? Math.ceil(r.msBeforeNext / 1000) : 0
      return Math.max(wait(a, 5), wait(b, 50))
    },
    async recordFailure(email, ip) {
      await Promise.all([byEmailAndIp.penalty(key(email, ip), 1), byIp.penalty(ip, 1)])
    },
    async recordSuccess(email, ip) {
      await byEmailAndIp.delete(key(email, ip))
    },
  }
}
