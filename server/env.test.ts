import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.ts'

describe('operations settings', () => {
  it('prefixes Redis keys with pdsa: unless REDIS_PREFIX says otherwise, and refuses odd characters', () => {
    expect(parseEnv({}).REDIS_PREFIX).toBe('pdsa:')
    expect(parseEnv({ REDIS_PREFIX: 'school-b:' }).REDIS_PREFIX).toBe('school-b:')
    expect(() => parseEnv({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/)
  })

  it('leaves /metrics off without METRICS_TOKEN and refuses a short token', () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined()
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/)
    expect(parseEnv({ METRICS_TOKEN: 'x'.repeat(32) }).METRICS_TOKEN).toBe('x'.repeat(32))
  })
})
