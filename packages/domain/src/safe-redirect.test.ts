import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safe-redirect.ts'

describe('safeRedirectPath', () => {
  it.each([
    '/',
    '/cycles/0190a1b2-0000-7000-8000-000000000001',
    '/search?q=attendance&school=harbor',
    '/measures/m1#chart',
    '/teams/t%20one',
    '/%2F%2Fevil.example', // an encoded slash is a path segment here, not a host
  ])('keeps the same-site path %j', (path) => {
    expect(safeRedirectPath(path, '/home')).toBe(path)
  })

  it.each([
    ['protocol-relative', '//evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash then slash', '/\\/evil.example'],
    ['two backslashes', '/\\\\evil.example'],
    ['leading backslash', '\\\\evil.example'],
    ['TAB between slashes', '/\t/evil.example'],
    ['TAB', '/\tevil.example'],
    ['CR/LF (header injection)', '/x\r\nSet-Cookie: a=b'],
    ['LF between slashes', '/\n/evil.example'],
    ['NUL', '/x\u0000'],
    ['space', '/ /evil.example'],
    ['non-Latin-1', '/cycles/\u2603'],
    ['Latin-1 but not ASCII', '/caf\u00e9'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative path', 'cycles/1'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(2_000)}`],
  ])('refuses %s', (_what, target) => {
    expect(safeRedirectPath(target, '/home')).toBe('/home')
  })

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(null, '/home')).toBe('/home')
    expect(safeRedirectPath(undefined)).toBe('/')
    expect(safeRedirectPath(['/a'], '/home')).toBe('/home')
  })
})
