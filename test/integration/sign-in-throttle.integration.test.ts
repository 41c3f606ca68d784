// Sign-in throttling through the sign-in service, on Redis as in a multi-instance deployment:
// per account and address with back-off, shared by instances; a shared school address (NAT) does not
// lock out the accounts that were not guessed at (server/auth/rate-limit.ts, ADR 019).
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSignInLimiter } from '../../server/auth/rate-limit.ts'
import type { SessionConfig } from '../../server/auth/session.ts'
import { signIn } from '../../server/services/auth/sign-in.ts'
import { createWorld, TEST_PASSWORD, type World } from '../factories/index.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const session: SessionConfig = { ttlHours: 1, secret: 't'.repeat(40), secureCookies: false }
const NAT = '198.51.100.44'
let database: TestDatabase
let world: World
let redis: Redis
const keyPrefix = `pdsa-test-signin-${randomBytes(4).toString('hex')}`

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Throttle')
  redis = new Redis(REDIS_URL)
})
afterAll(async () => {
  const keys = await redis.keys(`${keyPrefix}*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
  await database.close()
})

/** Two app instances: each its own limiter object on the same Redis. */
const instanceA = () => createSignInLimiter(redis, { keyPrefix })
const instanceB = () => createSignInLimiter(redis, { keyPrefix })

function attempt(limiter: ReturnType<typeof createSignInLimiter>, email: string, password: string, ip = NAT) {
  return signIn({
    db: database.db,
    limiter,
    session,
    input: { email, password },
    meta: { ip, userAgent: 'test' },
  })
}

describe('sign-in throttling on Redis', () => {
  it('a school address: 60 failed sign-ins on other accounts, then a teacher signs in with the right password', async () => {
    const a = instanceA()
    for (let i = 0; i < 60; i++) {
      await expect(attempt(a, `nobody${i % 12}@example.test`, 'wrong password')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      })
    }
    await expect(attempt(instanceB(), world.users.lead.email, TEST_PASSWORD)).resolves.toMatchObject({
      token: expect.any(String),
    })
  })

  it('5 wrong passwords for one account on instance A pause it from that address on instance B too', async () => {
    const a = instanceA()
    for (let i = 0; i < 5; i++) {
      await expect(attempt(a, world.users.member.email, 'wrong password')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      })
    }
    await expect(attempt(instanceB(), world.users.member.email, TEST_PASSWORD)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    })
    // The same person from another address is not paused.
    await expect(
      attempt(instanceB(), world.users.member.email, TEST_PASSWORD, '192.0.2.200'),
    ).resolves.toMatchObject({ token: expect.any(String) })
  })
})

describe('one email address in two districts', () => {
  it('signs in to the account whose password matches', async () => {
    const email = `shared-${randomBytes(3).toString('hex')}@example.test`
    const { hashPassword } = await import('../../server/auth/password.ts')
    const [inFirst, inSecond] = await Promise.all(
      [
        { districtId: world.district.id, password: 'first district password' },
        {
          districtId: (await database.db.district.create({ data: { name: 'Other', slug: `o-${email}` } })).id,
          password: 'second district password',
        },
      ].map(async ({ districtId, password }) =>
        database.db.user.create({
          data: {
            districtId,
            email,
            name: 'Shared',
            password: { create: { hash: await hashPassword(password) } },
          },
        }),
      ),
    )
    const limiter = createSignInLimiter()
    const first = await attempt(limiter, email, 'first district password', '192.0.2.50')
    const second = await attempt(limiter, email, 'second district password', '192.0.2.51')
    const userOf = async (token: string | null) => {
      const { createHash } = await import('node:crypto')
      const id = createHash('sha256')
        .update(token ?? '')
        .digest('hex')
      return (await database.db.session.findUniqueOrThrow({ where: { id } })).userId
    }
    expect(await userOf(first.token)).toBe(inFirst?.id)
    expect(await userOf(second.token)).toBe(inSecond?.id)
    await expect(attempt(limiter, email, 'neither password', '192.0.2.52')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    })
  })
})
