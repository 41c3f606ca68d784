import { describe, expect, it } from 'vitest'
import { createSecretBox } from './secret-box.ts'

describe('secret box', () => {
  const box = createSecretBox('k'.repeat(40))
  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('client-secret-ü')
    expect(box.open(a)).toBe('client-secret-ü')
    expect(box.seal('client-secret-ü')).not.toBe(a)
    expect(a).not.toContain('client-secret')
  })
  it('refuses a tampered value or another key', () => {
    const sealed = box.seal('s3cret')
    const parts = sealed.split('.')
    parts[3] = Buffer.from('x').toString('base64url')
    expect(() => box.open(parts.join('.'))).toThrow()
    expect(() => createSecretBox('j'.repeat(40)).open(sealed)).toThrow()
  })
  it('needs a long enough key', () => {
    expect(() => createSecretBox('short')).toThrow(/32 characters/)
  })
})
